import type { ReplyLanguage } from '../notice/detect-language';
import type { BlockedKind, WarnedKind } from './identifier-kinds';

export type SocialChannel = 'whatsapp' | 'facebook' | 'linkedin';

const CHANNEL_LABEL: Record<SocialChannel, string> = {
  whatsapp: 'WhatsApp',
  facebook: 'Facebook',
  linkedin: 'LinkedIn',
};

const NOUN: Record<ReplyLanguage, Record<WarnedKind, string>> = {
  nl: {
    EMAIL: 'e-mailadres',
    PHONE: 'telefoonnummer',
    ADDRESS: 'adres',
    DATE_OF_BIRTH: 'geboortedatum',
    STUDENT_NUMBER: 'studentnummer',
  },
  en: {
    EMAIL: 'an email address',
    PHONE: 'a phone number',
    ADDRESS: 'an address',
    DATE_OF_BIRTH: 'a date of birth',
    STUDENT_NUMBER: 'a student number',
  },
};

/** Each refusal says what to do instead, so the agent can fix the draft at once. */
const REFUSAL: Record<ReplyLanguage, Record<BlockedKind, (channel: string) => string>> = {
  nl: {
    BSN: (c) => `Vraag nooit om een BSN via ${c}. Verwijs naar Studielink of het beveiligde uploadportaal.`,
    ID_DOCUMENT: (c) =>
      `Vraag nooit om een identiteitsbewijs, paspoort of documentnummer via ${c}. Laat het uploaden via het beveiligde uploadportaal.`,
    BANK_ACCOUNT: (c) =>
      `Vraag nooit om een rekeningnummer, IBAN of kaartnummer via ${c}. Betaalgegevens lopen via Studielink of het beveiligde portaal.`,
  },
  en: {
    BSN: (c) =>
      `Never ask for a BSN over social channels such as ${c}: refer the student to Studielink or the secure upload portal.`,
    ID_DOCUMENT: (c) =>
      `Never ask for an ID document, passport or document number over social channels such as ${c}: ask the student to upload it via the secure upload portal.`,
    BANK_ACCOUNT: (c) =>
      `Never ask for a bank account, IBAN or card number over social channels such as ${c}: payment details go through Studielink or the secure portal.`,
  },
};

export function refusalMessage(kind: BlockedKind, channel: SocialChannel, lang: ReplyLanguage): string {
  return REFUSAL[lang][kind](CHANNEL_LABEL[channel]);
}

export function notNeededMessage(kind: WarnedKind, lang: ReplyLanguage): string {
  const noun = NOUN[lang][kind];
  return lang === 'nl'
    ? `Voor deze vraag is geen ${noun} nodig; vraag er alleen om als het echt moet.`
    : `The question can be answered without ${noun}; only ask for it if you really need it.`;
}

export function alreadyProvidedMessage(kind: WarnedKind, lang: ReplyLanguage): string {
  const noun = NOUN[lang][kind];
  return lang === 'nl'
    ? `De persoon heeft in dit gesprek al een ${noun} gegeven; vraag er niet opnieuw om.`
    : `The person already gave ${noun} in this conversation; don't ask for it again.`;
}

export function trackingRemovedMessage(parameters: string[], lang: ReplyLanguage): string {
  const list = parameters.join(', ');
  return lang === 'nl'
    ? `Trackingparameters zijn uit de links verwijderd: ${list}.`
    : `Tracking parameters were removed from the links: ${list}.`;
}

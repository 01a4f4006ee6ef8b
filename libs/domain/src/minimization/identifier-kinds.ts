import type { EntityType } from '@webcare/anonymizer';
import { phrase } from './phrase';

export type IdentifierKind =
  'EMAIL' | 'PHONE' | 'BSN' | 'ADDRESS' | 'DATE_OF_BIRTH' | 'ID_DOCUMENT' | 'BANK_ACCOUNT' | 'STUDENT_NUMBER';

/** Never requested over a social channel: the draft is refused. */
export type BlockedKind = 'BSN' | 'ID_DOCUMENT' | 'BANK_ACCOUNT';
/** Allowed when the question needs it, otherwise a warning. */
export type WarnedKind = Exclude<IdentifierKind, BlockedKind>;

export function isBlocked(kind: IdentifierKind): kind is BlockedKind {
  return kind === 'BSN' || kind === 'ID_DOCUMENT' || kind === 'BANK_ACCOUNT';
}

export const CODE: Record<IdentifierKind, string> = {
  EMAIL: 'ASKS_FOR_EMAIL',
  PHONE: 'ASKS_FOR_PHONE',
  ADDRESS: 'ASKS_FOR_ADDRESS',
  DATE_OF_BIRTH: 'ASKS_FOR_DATE_OF_BIRTH',
  STUDENT_NUMBER: 'ASKS_FOR_STUDENT_NUMBER',
  BSN: 'ASKS_FOR_BSN',
  ID_DOCUMENT: 'ASKS_FOR_ID_DOCUMENT',
  BANK_ACCOUNT: 'ASKS_FOR_BANK_ACCOUNT',
};

const NL_POSSESSIVE = '(?:je|jouw|uw)';
const EN_POSSESSIVE = '(?:your)';

/** Phrases that name each identifier, Dutch and English. */
export const IDENTIFIER_PHRASES: Record<IdentifierKind, RegExp> = {
  EMAIL: phrase(
    'e-?mail-?adres(?:sen)?',
    'mailadres(?:sen)?',
    'e-?mail address(?:es)?',
    // "your email" alone, but not "your email inbox/account" (which is not the address).
    `${EN_POSSESSIVE} e-?mail(?! (?:inbox|box|account|folder))`,
  ),
  PHONE: phrase(
    'telefoon-?nummers?',
    'mobiele? nummer',
    '06-?nummer',
    'gsm-?nummer',
    'whatsapp-?nummer',
    'terugbelnummer',
    'nummer waarop (?:je|jij|u) bereikbaar',
    '(?:tele|mobile |cell |cell)?phone numbers?',
    'mobile numbers?',
    'cell numbers?',
    'whatsapp numbers?',
  ),
  BSN: phrase(
    'bsn(?:-?nummer)?',
    'burger-?service-?nummer',
    'burger service nummer',
    'sofi-?nummer',
    'citizen service number',
    'social security number',
  ),
  ADDRESS: phrase(
    'woonadres',
    'huisadres',
    'thuisadres',
    'postadres',
    'adresgegevens',
    `${NL_POSSESSIVE} adres`,
    'postcode',
    'huisnummer',
    '(?:home|postal|street|mailing|residential) address',
    `${EN_POSSESSIVE} address`,
    '(?:zip|postal|post) code',
  ),
  DATE_OF_BIRTH: phrase(
    'geboorte-?datum',
    'wanneer (?:ben je|ben jij|bent u) geboren',
    'date of birth',
    'dob',
    'birth ?date',
    'when were you born',
  ),
  ID_DOCUMENT: phrase(
    'paspoort(?:en|nummer)?',
    'id-?kaart(?:en)?',
    'id-?bewijs',
    'identiteitskaart(?:en)?',
    'identiteitsbewijs(?:zen)?',
    'legitimatie(?:bewijs)?',
    'rijbewijs',
    'verblijfsvergunning',
    'verblijfsdocument',
    'v-?nummer',
    'documentnummer',
    `${NL_POSSESSIVE} id`,
    'passports?(?: number)?',
    '(?:id|identity) cards?',
    'identity document',
    'proof of identity',
    "driver[’']?s licen[cs]e",
    'driving licen[cs]e',
    'residence permit',
    `${EN_POSSESSIVE} id`,
  ),
  BANK_ACCOUNT: phrase(
    'rekeningnummer',
    'bankrekening(?:nummer)?',
    'rekeninggegevens',
    'bankgegevens',
    'iban(?:-?nummer)?',
    'creditcard(?:nummer)?',
    'bank ?account(?: number)?',
    'account number',
    'bank details',
    'credit card(?: number)?',
  ),
  STUDENT_NUMBER: phrase(
    'student(?:en)?nummer',
    'studentnr',
    'leerlingnummer',
    'studielink-?nummer',
    'student (?:number|id)',
  ),
};

/** The anonymizer entity types that mean the person already gave this identifier. */
export const PROVIDED_AS: Record<WarnedKind, EntityType[]> = {
  EMAIL: ['EMAIL'],
  PHONE: ['PHONE'],
  ADDRESS: ['ADDRESS', 'POSTCODE'],
  DATE_OF_BIRTH: ['DATE_OF_BIRTH'],
  STUDENT_NUMBER: ['STUDENT_NUMBER'],
};

/**
 * Inbound cues that make asking for the identifier reasonable, e.g. a login problem needs the
 * student number and "mail me the details" needs an email address. No cue means not needed.
 * A date of birth is never needed to answer a question here (ask for an age if it matters).
 */
export const NEEDED_WHEN: Partial<Record<WarnedKind, RegExp>> = {
  EMAIL: phrase(
    'per (?:e-?)?mail',
    'via (?:e-?)?mail',
    'by e-?mail',
    'e-?mail me',
    'mail me',
    'mailen',
    'mailt',
  ),
  PHONE: phrase(
    'bel me',
    'bellen',
    'terugbellen',
    'terugbelverzoek',
    'telefonisch',
    'call me',
    'call back',
    'by phone',
    'phone call',
  ),
  ADDRESS: phrase(
    'per post',
    'by post',
    'brochure',
    'thuisgestuurd',
    'thuis (?:sturen|ontvangen)',
    'post it',
  ),
  STUDENT_NUMBER: phrase(
    'inloggen',
    'log ?in',
    'login',
    'wachtwoord',
    'password',
    'account',
    'inschrijving',
    'inschrijven',
    'ingeschreven',
    'enrol(?:l)?(?:ment|ed)?',
    'registration',
    'student(?:en)?nummer',
    'student number',
  ),
};

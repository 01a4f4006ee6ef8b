import { ConsentPurpose, PURPOSE_WORDING } from './consent-purposes';

/** The question sent to the person; the answer they send back is recorded as evidence. */
export function consentQuestion(lang: 'nl' | 'en', teamName: string, purpose: ConsentPurpose): string {
  const why = PURPOSE_WORDING[purpose][lang];
  return lang === 'nl'
    ? `Mogen wij je vraag en gegevens doorgeven aan ${teamName}, zodat zij ${why}? Antwoord met JA of NEE. Je kunt dit altijd weer intrekken.`
    : `May we pass your question and details on to ${teamName} so they can ${why}? Reply YES or NO. You can withdraw this at any time.`;
}

/** The question sent to the person; the answer they send back is recorded as evidence. */
export function consentQuestion(lang: 'nl' | 'en', teamName: string, purpose: string): string {
  return lang === 'nl'
    ? `Mogen wij je vraag en gegevens doorgeven aan ${teamName} (${purpose}), zodat zij je persoonlijk kunnen helpen? Antwoord met JA of NEE. Je kunt dit altijd weer intrekken.`
    : `May we pass your question and details on to ${teamName} (${purpose}) so they can help you personally? Reply YES or NO. You can withdraw this at any time.`;
}

/**
 * Why a team may see a person's details: a fixed list, so nothing typed by staff (which could name
 * someone) is stored, and every person reads the same, reviewed wording. Each wording completes
 * "… zodat zij …" / "… so they can …" in the consent question.
 */
export const PURPOSE_WORDING = {
  answer_question: {
    nl: 'je vraag persoonlijk kunnen beantwoorden',
    en: 'answer your question personally',
  },
  diploma_evaluation: {
    nl: 'je diploma en vooropleiding kunnen beoordelen',
    en: 'assess your diploma and previous education',
  },
  application_handling: {
    nl: 'je aanmelding of inschrijving kunnen afhandelen',
    en: 'handle your application or enrolment',
  },
  finance_advice: {
    nl: 'je kunnen adviseren over collegegeld en studiefinanciering',
    en: 'advise you on tuition fees and student finance',
  },
  study_support: {
    nl: 'met je kunnen bekijken welke ondersteuning of voorzieningen je nodig hebt',
    en: 'work out with you which support or facilities you need',
  },
  housing_support: {
    nl: 'je kunnen helpen bij het vinden van huisvesting',
    en: 'help you find housing',
  },
  complaint_handling: {
    nl: 'je klacht kunnen behandelen',
    en: 'handle your complaint',
  },
  other: {
    nl: 'je verder kunnen helpen met je vraag',
    en: 'help you further with your question',
  },
} as const satisfies Record<string, { nl: string; en: string }>;

/** The codes, in the order of their wordings: a code without both wordings cannot exist. */
export type ConsentPurpose = keyof typeof PURPOSE_WORDING;
export const CONSENT_PURPOSES = Object.keys(PURPOSE_WORDING) as ConsentPurpose[];

/** `other` only labels consents asked before purposes were codes; staff choose a specific one. */
export const REQUESTABLE_PURPOSES = CONSENT_PURPOSES.filter((p) => p !== 'other');

export function isConsentPurpose(value: string): value is ConsentPurpose {
  return (CONSENT_PURPOSES as readonly string[]).includes(value);
}

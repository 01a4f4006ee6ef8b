import type { components } from '$lib/api/schema';
import type { MessageKey } from '$lib/i18n';

export type ConsentPurpose = components['schemas']['RequestConsentDto']['purpose'];

/**
 * The purposes staff choose from, with their labels; the API words each one for the person. The
 * codes come from the generated schema, so a purpose the API adds without a label here does not compile.
 */
export const CONSENT_PURPOSE_LABELS: Record<ConsentPurpose, MessageKey> = {
  answer_question: 'consent.purposes.answer_question',
  diploma_evaluation: 'consent.purposes.diploma_evaluation',
  application_handling: 'consent.purposes.application_handling',
  finance_advice: 'consent.purposes.finance_advice',
  study_support: 'consent.purposes.study_support',
  housing_support: 'consent.purposes.housing_support',
  complaint_handling: 'consent.purposes.complaint_handling',
};

export const CONSENT_PURPOSES = Object.keys(CONSENT_PURPOSE_LABELS) as ConsentPurpose[];

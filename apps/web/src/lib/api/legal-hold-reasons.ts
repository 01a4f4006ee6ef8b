import type { LegalHoldReasonCode } from '$lib/api/types';
import type { MessageKey } from '$lib/i18n';

/**
 * The reasons a privacy officer picks from, with their labels, in the order offered. The codes come
 * from the generated schema, so a reason the API adds without a label here does not compile.
 */
export const LEGAL_HOLD_REASON_LABELS: Record<LegalHoldReasonCode, MessageKey> = {
  complaint: 'privacy.holdReason.complaint',
  legal_proceedings: 'privacy.holdReason.legal_proceedings',
  regulator_request: 'privacy.holdReason.regulator_request',
  internal_investigation: 'privacy.holdReason.internal_investigation',
  other: 'privacy.holdReason.other',
};
export const LEGAL_HOLD_REASONS = Object.keys(LEGAL_HOLD_REASON_LABELS) as LegalHoldReasonCode[];

import { PrivacyErrorCode, privacyError } from './privacy.errors';
import { withoutIdentifiers } from './stored-free-text';

/** Why a case is kept from retention; the list the privacy officer picks from. */
export const LEGAL_HOLD_REASONS = [
  'complaint',
  'legal_proceedings',
  'regulator_request',
  'internal_investigation',
  'other',
] as const;
export type LegalHoldReasonCode = (typeof LEGAL_HOLD_REASONS)[number];

export interface HoldReasonInput {
  reasonCode?: LegalHoldReasonCode;
  note?: string;
  /** Older clients: free text only, stored as the note of an `other` hold. */
  reason?: string;
}

export interface HoldReason {
  reasonCode: LegalHoldReasonCode;
  /** Identifiers replaced by their type; null when nothing is left to say. */
  note: string | null;
}

/** What is stored for a hold's reason: a listed code, and a note that passed through the anonymizer. */
export function holdReason(input: HoldReasonInput): HoldReason {
  const text = input.note ?? input.reason;
  const note = text === undefined ? '' : withoutIdentifiers(text);
  if (input.reasonCode !== undefined || input.reason === undefined) {
    const code = LEGAL_HOLD_REASONS.find((c) => c === input.reasonCode);
    if (!code)
      throw privacyError(
        PrivacyErrorCode.Invalid,
        `reasonCode must be one of ${LEGAL_HOLD_REASONS.join(', ')}`,
      );
    return { reasonCode: code, note: note || null };
  }
  if (!note) throw privacyError(PrivacyErrorCode.Invalid, 'reason is required');
  return { reasonCode: 'other', note };
}

import { ListOf } from '../../http/dto/list.response.dto';
import { LegalHoldReasonCode } from '../legal-hold-reasons';

export class LegalHoldView {
  id: string;
  caseId: string;
  reasonCode: LegalHoldReasonCode;
  /** The privacy officer's note, identifiers replaced by their type. */
  note: string | null;
  /** For older clients: the note, or the reason code when there is none. */
  reason: string;
  expiresAt: string | null;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
  active: boolean;
}

export class LegalHoldList extends ListOf(LegalHoldView) {}

import { GuardFinding, ReplyDraftCheck } from '@webcare/domain';

export class DraftFinding implements GuardFinding {
  code: string;
  message: string;
}

/** The data-minimisation check of a draft (libs/domain's ReplyDraftCheck), for the OpenAPI document. */
export class DraftCheck implements ReplyDraftCheck {
  /** The draft with tracking parameters removed from its links; send this, not the original. */
  text: string;
  warnings: DraftFinding[];
  /** Set when the draft must not be sent as is. */
  refusal: DraftFinding | null;
}

export class QueuedReply {
  id: string;
  status: 'queued';
  warnings: DraftFinding[];
}

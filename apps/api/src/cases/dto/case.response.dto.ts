import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, CHANNELS } from '@webcare/platform';
import { CaseView } from '../case-access';

/** What a case's list row and the case itself both show. */
export class CaseSummary {
  id: string;
  @ApiProperty({ enum: CHANNELS })
  channel: string;
  @ApiProperty({ enum: CASE_STATUSES })
  status: string;
  teamId: string;
  assigneeId: string | null;
  lastMessageAt: string;
}

export class CaseListItem extends CaseSummary {
  preview: string;
}

export class CaseList {
  items: CaseListItem[];
  nextCursor: string | null;
}

export class CaseMessage {
  id: string;
  direction: 'in' | 'out';
  type: string;
  text: string;
  /** Anonymization did not finish in time: the pseudonymized view shows a placeholder instead. */
  withheld: boolean;
  /** Identifiers the anonymizer found, as offsets into the original text (original view only). */
  entities: { type: string; start: number; end: number }[];
  deliveryStatus: string | null;
  errorCode: string | null;
  /** Comment replies: `public` (in the thread) or `private` (a Private Reply). */
  visibility: 'public' | 'private' | null;
  /** `hidden` when the page hid the comment on the platform. */
  platformState: 'hidden' | null;
  authorId: string | null;
  createdAt: string;
}

export class CaseNote {
  id: string;
  authorId: string;
  text: string;
  createdAt: string;
}

/** A span the owning team marked as a missed identifier (original view only; ids, offsets and tokens). */
export class CaseRedaction {
  id: string;
  messageId: string;
  start: number;
  end: number;
  type: string;
  token: string;
}

export class CaseDetail extends CaseSummary {
  view: CaseView;
  retainUntil: string | null;
  createdAt: string;
  noticeVersion: string | null;
  retentionPeriod: string | null;
  /** `comment`: a conversation under a post (Facebook page comment, LinkedIn); replies take a visibility. */
  conversation: 'direct' | 'comment';
  messages: CaseMessage[];
  /** True when the case holds more than CASE_MESSAGE_CAP messages (only the newest are shown). */
  olderMessages: boolean;
  notes: CaseNote[];
  redactions: CaseRedaction[];
}

export class CaseAssigned {
  id: string;
  assigneeId: string;
}

export class CaseClosed {
  id: string;
  status: 'closed';
}

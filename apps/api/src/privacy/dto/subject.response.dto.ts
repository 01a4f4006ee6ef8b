import { Channel } from '@webcare/platform';

export class SubjectContact {
  id: string;
  channelAccountId: string;
  externalId: string | null;
  name: string | null;
  createdAt: string;
}

export class SubjectMessage {
  id: string;
  direction: string;
  type: string;
  text: string | null;
  sentAt: string;
}

export class SubjectConsent {
  id: string;
  purpose: string;
  status: string;
  requestedAt: string;
  givenAt: string | null;
  withdrawnAt: string | null;
}

export class SubjectCase {
  id: string;
  contactId: string;
  channelAccountId: string;
  status: string;
  createdAt: string;
  firstInboundAt: string;
  answeredAt: string | null;
  closedAt: string | null;
  retentionPeriod: string | null;
  retainUntil: string | null;
  messages: SubjectMessage[];
  identifiers: { token: string; type: string; value: string | null }[];
  consents: SubjectConsent[];
  notes: { text: string; createdAt: string }[];
  escalations: { id: string; status: string; note: string; createdAt: string }[];
}

/** Everything stored about one person (access request), decrypted. */
export class SubjectExport {
  /** Names this request in the audit trail (beside the person's keyed reference). */
  requestId: string;
  exportedAt: string;
  channel: Channel;
  contacts: SubjectContact[];
  cases: SubjectCase[];
}

export class SubjectErasure {
  deleted: number;
  held: number;
  /** Webhook events from the person that were still waiting to be filed, deleted unread. */
  queued: number;
  requestId: string;
}

// Response shapes. The API declares its responses as TypeScript interfaces the OpenAPI document
// cannot see, so these follow the contract (/work/shared/CONTRACT.md) and the API's views; routes,
// parameters and request bodies are checked against the generated schema instead.

export type Role = 'agent' | 'team_lead' | 'manager' | 'privacy_officer' | 'admin';
export type Channel = 'whatsapp' | 'facebook' | 'linkedin';
export type CaseStatus = 'open' | 'answered' | 'closed';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  active?: boolean;
}
export interface LoginResult {
  accessToken: string;
  user: User;
}
export interface Team {
  id: string;
  name: string;
}
export interface CaseListItem {
  id: string;
  channel: Channel;
  status: CaseStatus;
  teamId: string;
  assigneeId: string | null;
  lastMessageAt: string;
  preview: string;
}
export interface Message {
  id: string;
  direction: 'in' | 'out';
  text: string;
  createdAt: string;
  type?: string;
  deliveryStatus?: string | null;
  errorCode?: string | null;
  /** Detected identifiers in an original text (offsets into `text`; empty in pseudonymized views). */
  entities?: { type: string; start: number; end: number }[];
  /** The anonymizer ran out of time: other teams see a placeholder instead of this message. */
  withheld?: boolean;
}
export interface Note {
  id: string;
  text: string;
  authorId: string;
  createdAt: string;
}
export interface CaseDetail {
  id: string;
  channel: Channel;
  status: CaseStatus;
  teamId: string;
  assigneeId: string | null;
  view: 'original' | 'pseudonymized';
  retainUntil: string | null;
  noticeVersion: string | null;
  retentionPeriod: string | null;
  lastMessageAt: string;
  /** Comment cases (Facebook) may be answered in public or privately. */
  kind?: 'message' | 'comment';
  /** Set for channels with a reply window (WhatsApp: 24 hours after the person's last message). */
  windowClosesAt?: string | null;
  messages: Message[];
  notes?: Note[];
}
export interface Finding {
  code: string;
  message: string;
}
export interface DraftCheck {
  text: string;
  warnings: Finding[];
  refusal: Finding | null;
}
export interface QueuedReply {
  id: string;
  status: 'queued';
  warnings: Finding[];
}
export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  language: string | null;
}
export interface Escalation {
  id: string;
  caseId: string;
  fromTeamId: string;
  toTeamId: string;
  note: string;
  answer: string | null;
  status: 'open' | 'answered' | 'taken_over' | 'closed';
  consent: 'requested' | 'given' | 'withdrawn' | null;
  createdAt: string;
  messages: { id: string; direction: 'in' | 'out'; text: string; createdAt: string }[];
}
/** A text as the receiving team reads it, with each token and its type. */
export interface PreviewText {
  text: string;
  tokens: { token: string; type: string; start: number; end: number }[];
}
/** GET /api/cases/:id/handover-preview: what the receiving team would see. */
export interface HandoverPreview {
  view: 'original' | 'pseudonymized';
  messages: ({ id: string; direction: 'in' | 'out'; withheld: boolean; createdAt: string } & PreviewText)[];
  /** Earlier escalations of this case to that team. */
  notes: { escalationId: string; note: PreviewText; answer: PreviewText | null; createdAt: string }[];
  draftNote: PreviewText | null;
}
export interface TrendRow {
  week: string;
  channel?: Channel;
  topic?: string;
  language?: string;
  sentiment?: string;
  count: number | null;
  suppressed?: boolean;
  medianFirstResponseMinutes?: number | null;
  medianResolutionMinutes?: number | null;
  escalatedShare?: number | null;
}
export interface Trends {
  minCell: number;
  rows: TrendRow[];
}
export interface RetentionPolicy {
  channel: Channel;
  period: string;
  maxUnansweredAge: string;
  updatedAt: string;
}
export interface AccountRetention {
  id: string;
  channel: Channel;
  name: string;
  retentionPeriod: string | null;
}
export interface DeletionReceipt {
  id: string;
  caseRef: string;
  reason: string;
  policy: string | null;
  counts: Record<string, number>;
  sweepId: string | null;
  deletedAt: string;
}
export const LEGAL_HOLD_REASONS = [
  'complaint',
  'legal_proceedings',
  'regulator_request',
  'internal_investigation',
  'other',
] as const;
export type LegalHoldReasonCode = (typeof LEGAL_HOLD_REASONS)[number];
export interface LegalHold {
  id: string;
  caseId: string;
  reasonCode: LegalHoldReasonCode;
  /** Identifiers already replaced by their type. */
  note: string | null;
  reason: string;
  expiresAt: string | null;
  placedAt: string;
  releasedAt: string | null;
  active: boolean;
}
export interface AuditEvent {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  hash: string;
}
export interface AuditVerify {
  valid: boolean;
  events: number;
  brokenAt?: string;
}
export interface ChannelAccount {
  id: string;
  channel: Channel;
  externalId: string;
  name: string;
  teamId: string;
  retentionPeriod: string | null;
  settings?: ChannelAccountSettings;
}
/** Per-account switches (PATCH /api/channel-accounts/:id/settings). */
export interface ChannelAccountSettings {
  /** Messenger's HUMAN_AGENT tag: replies up to 7 days after the last message; Meta must approve it. */
  humanAgentTag?: boolean;
}
/** New values for PUT /api/channel-accounts/:id/secrets; only the named ones change. */
export interface RotateSecrets {
  appSecret?: string;
  verifyToken?: string;
  accessToken?: string;
}
export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

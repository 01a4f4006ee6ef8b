// Short names for the response and request shapes of the generated schema (schema.d.ts, from the
// API's OpenAPI document): components and stores import these, nothing here is written by hand.
import type { components } from './schema';

type Schemas = components['schemas'];

export type User = Schemas['UserView'];
export type Role = User['role'];
export type NewUser = Schemas['CreateUserDto'];
/** The signed-in user, as the login answer gives it. */
export type SessionUser = Schemas['SessionUser'];
export type Team = Schemas['TeamView'];
export type CaseListItem = Schemas['CaseListItem'];
export type Channel = CaseListItem['channel'];
export type CaseDetail = Schemas['CaseDetail'];
export type Message = Schemas['CaseMessage'];
export type Note = Schemas['CaseNote'];
export type Finding = Schemas['DraftFinding'];
export type DraftCheck = Schemas['DraftCheck'];
export type QueuedReply = Schemas['QueuedReply'];
export type CannedResponse = Schemas['CannedResponseView'];
export type Escalation = Schemas['EscalationView'];
export type HandoverPreview = Schemas['HandoverPreview'];
export type Trends = Schemas['TrendsReport'];
export type RetentionPolicy = Schemas['RetentionPolicyView'];
export type AccountRetention = Schemas['AccountRetentionView'];
export type DeletionReceipt = Schemas['DeletionReceiptView'];
export type LegalHold = Schemas['LegalHoldView'];
export type LegalHoldReasonCode = LegalHold['reasonCode'];
export type AuditEvent = Schemas['AuditEvent'];
export type AuditVerify = Schemas['AuditVerify'];
export type ChannelAccount = Schemas['ChannelAccountView'];
export type NewAccount = Schemas['CreateChannelAccountDto'];
export type ChannelAccountSettings = Schemas['ChannelAccountSettingsDto'];
export type RotateSecrets = Schemas['RotateSecretsDto'];

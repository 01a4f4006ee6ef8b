import { CannedResponseEntity } from './canned-response.entity';
import { CaseFactEntity } from './case-fact.entity';
import { CaseNoteEntity } from './case-note.entity';
import { ConsentEntity } from './consent.entity';
import { DeletionReceiptEntity } from './deletion-receipt.entity';
import { EscalationEntity } from './escalation.entity';
import { LegalHoldEntity } from './legal-hold.entity';
import { RetentionPolicyEntity } from './retention-policy.entity';
import { AuditEventEntity } from './audit-event.entity';
import { CaseEntity } from './case.entity';
import { ChannelAccountEntity } from './channel-account.entity';
import { ContactEntity } from './contact.entity';
import { InboundEventEntity } from './inbound-event.entity';
import { MessageEntity } from './message.entity';
import { OutboxEntity } from './outbox.entity';
import { PseudonymEntity } from './pseudonym.entity';
import { RedactionEntity } from './redaction.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export * from './canned-response.entity';
export * from './case-fact.entity';
export * from './case-note.entity';
export * from './consent.entity';
export * from './deletion-receipt.entity';
export * from './escalation.entity';
export * from './legal-hold.entity';
export * from './retention-policy.entity';
export * from './audit-event.entity';
export * from './case.entity';
export * from './channel-account.entity';
export * from './contact.entity';
export * from './inbound-event.entity';
export * from './message.entity';
export * from './outbox.entity';
export * from './pseudonym.entity';
export * from './redaction.entity';
export * from './team.entity';
export * from './user.entity';

export const ENTITIES = [
  CannedResponseEntity,
  CaseFactEntity,
  CaseNoteEntity,
  ConsentEntity,
  DeletionReceiptEntity,
  EscalationEntity,
  LegalHoldEntity,
  RetentionPolicyEntity,

  AuditEventEntity,
  CaseEntity,
  ChannelAccountEntity,
  ContactEntity,
  InboundEventEntity,
  MessageEntity,
  OutboxEntity,
  PseudonymEntity,
  RedactionEntity,
  TeamEntity,
  UserEntity,
];

import { AuditEventEntity } from './audit-event.entity';
import { CaseEntity } from './case.entity';
import { ChannelAccountEntity } from './channel-account.entity';
import { ContactEntity } from './contact.entity';
import { DataKeyEntity } from './data-key.entity';
import { InboundEventEntity } from './inbound-event.entity';
import { MessageEntity } from './message.entity';
import { OutboxEntity } from './outbox.entity';
import { PseudonymEntity } from './pseudonym.entity';
import { TeamEntity } from './team.entity';
import { UserEntity } from './user.entity';

export * from './audit-event.entity';
export * from './case.entity';
export * from './channel-account.entity';
export * from './contact.entity';
export * from './data-key.entity';
export * from './inbound-event.entity';
export * from './message.entity';
export * from './outbox.entity';
export * from './pseudonym.entity';
export * from './team.entity';
export * from './user.entity';

export const ENTITIES = [
  AuditEventEntity,
  CaseEntity,
  ChannelAccountEntity,
  ContactEntity,
  DataKeyEntity,
  InboundEventEntity,
  MessageEntity,
  OutboxEntity,
  PseudonymEntity,
  TeamEntity,
  UserEntity,
];

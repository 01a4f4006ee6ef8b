import { ChannelAccountsDomainModule, PseudonymsDomainModule, AuditDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { CaseIntakeService } from './case-intake.service';
import { CommentChangeService } from './comment-change.service';
import { CommentRepository } from './comment.repository';
import { ContactsRepository } from './contacts.repository';
import { InboundEventHandler } from './inbound-event.handler';
import { InboundEventRepository } from './inbound-event.repository';
import { IntakeCases } from './intake-cases.service';
import { IntakeContacts } from './intake-contacts.service';
import { IntakeRepository } from './intake.repository';
import { StatusUpdateService } from './status-update.service';

@Module({
  imports: [ChannelAccountsDomainModule, PseudonymsDomainModule, AuditDomainModule],
  providers: [
    InboundEventHandler,
    CaseIntakeService,
    StatusUpdateService,
    CommentChangeService,
    CommentRepository,
    InboundEventRepository,
    IntakeContacts,
    IntakeCases,
    ContactsRepository,
    IntakeRepository,
  ],
})
export class InboundModule {}

import {
  AuditDomainModule,
  PseudonymsDomainModule,
  RetentionDomainModule,
  ChannelAccountsDomainModule,
} from '@webcare/domain';
import { Module } from '@nestjs/common';
import { CasesModule } from '../cases/cases.module';
import { RepliesController } from './replies.controller';
import { RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';
import { ReplyFormService } from './reply-form.service';
import { ReplyTargetRepository } from './reply-target.repository';

@Module({
  imports: [
    AuditDomainModule,
    PseudonymsDomainModule,
    RetentionDomainModule,
    ChannelAccountsDomainModule,
    CasesModule,
  ],
  controllers: [RepliesController],
  providers: [RepliesService, ReplyFormService, RepliesRepository, ReplyTargetRepository],
  exports: [RepliesService],
})
export class RepliesModule {}

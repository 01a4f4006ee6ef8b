import { Module } from '@nestjs/common';
import { CaseIntakeService } from './case-intake.service';
import { CommentChangeService } from './comment-change.service';
import { CommentRepository } from './comment.repository';
import { InboundEventHandler } from './inbound-event.handler';
import { StatusUpdateService } from './status-update.service';

@Module({
  providers: [
    InboundEventHandler,
    CaseIntakeService,
    StatusUpdateService,
    CommentChangeService,
    CommentRepository,
  ],
})
export class InboundModule {}

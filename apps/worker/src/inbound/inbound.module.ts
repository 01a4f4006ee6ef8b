import { Module } from '@nestjs/common';
import { CaseIntakeService } from './case-intake.service';
import { CommentChangeService } from './comment-change.service';
import { InboundEventHandler } from './inbound-event.handler';
import { StatusUpdateService } from './status-update.service';

@Module({ providers: [InboundEventHandler, CaseIntakeService, StatusUpdateService, CommentChangeService] })
export class InboundModule {}

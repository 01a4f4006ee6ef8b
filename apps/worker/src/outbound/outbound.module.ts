import { Module } from '@nestjs/common';
import { ReportFactsModule } from '@webcare/core';
import { ChannelSenders } from './channel-senders.service';
import { SendReplyProcessor } from './send-reply.processor';
import { SendReplyRepository } from './send-reply.repository';

@Module({
  imports: [ReportFactsModule],
  providers: [ChannelSenders, SendReplyProcessor, SendReplyRepository],
})
export class OutboundModule {}

import { Module } from '@nestjs/common';
import { ReportFactsModule, ChannelAccountsDomainModule } from '@webcare/domain';
import { ChannelSenders } from './channel-senders.service';
import { SendReplyProcessor } from './send-reply.processor';
import { SendReplyRepository } from './send-reply.repository';

@Module({
  imports: [ChannelAccountsDomainModule, ReportFactsModule],
  providers: [ChannelSenders, SendReplyProcessor, SendReplyRepository],
})
export class OutboundModule {}

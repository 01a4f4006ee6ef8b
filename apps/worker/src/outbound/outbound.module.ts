import { Module } from '@nestjs/common';
import { ReportFactsModule } from '@webcare/core';
import { ChannelSenders } from './channel-senders.service';
import { SendReplyProcessor } from './send-reply.processor';

@Module({ imports: [ReportFactsModule], providers: [ChannelSenders, SendReplyProcessor] })
export class OutboundModule {}

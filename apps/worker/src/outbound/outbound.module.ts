import { Module } from '@nestjs/common';
import { ChannelSenders } from './channel-senders.service';
import { SendReplyProcessor } from './send-reply.processor';

@Module({ providers: [ChannelSenders, SendReplyProcessor] })
export class OutboundModule {}

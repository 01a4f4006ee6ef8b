import { Module } from '@nestjs/common';
import { InboundEventBatcher } from './inbound-event.batcher';
import { MetaHandshakeService } from './meta-handshake.service';
import { WebhookIngestService } from './webhook-ingest.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';

@Module({
  controllers: [WhatsAppWebhookController],
  providers: [WebhookIngestService, InboundEventBatcher, MetaHandshakeService],
})
export class WebhooksModule {}

import { Module } from '@nestjs/common';
import { MetaHandshakeService } from './meta-handshake.service';
import { WebhookIngestService } from './webhook-ingest.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';

@Module({
  controllers: [WhatsAppWebhookController],
  providers: [WebhookIngestService, MetaHandshakeService],
})
export class WebhooksModule {}

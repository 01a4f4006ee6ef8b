import { Module } from '@nestjs/common';
import { InboundEventBatcher } from './inbound-event.batcher';
import { MetaHandshakeService } from './meta-handshake.service';
import { SignatureFailureLimiter } from './signature-failures';
import { WebhookHttpEntry } from './webhook-http.entry';
import { WebhookIngestService } from './webhook-ingest.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';

@Module({
  controllers: [WhatsAppWebhookController],
  providers: [
    WebhookIngestService,
    WebhookHttpEntry,
    InboundEventBatcher,
    MetaHandshakeService,
    SignatureFailureLimiter,
  ],
})
export class WebhooksModule {}

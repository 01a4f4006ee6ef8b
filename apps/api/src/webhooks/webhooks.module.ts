import { ChannelAccountsDomainModule } from '@webcare/domain';
import { Module } from '@nestjs/common';
import { FacebookWebhookController } from './facebook-webhook.controller';
import { InboundEventBatcher } from './inbound-event.batcher';
import { LinkedInChallengeService } from './linkedin-challenge.service';
import { LinkedInWebhookController } from './linkedin-webhook.controller';
import { MetaHandshakeService } from './meta-handshake.service';
import { SignatureFailureLimiter } from './signature-failures';
import { WebhookHttpEntry } from './webhook-http.entry';
import { WebhookIngestService } from './webhook-ingest.service';
import { WhatsAppWebhookController } from './whatsapp-webhook.controller';

@Module({
  imports: [ChannelAccountsDomainModule],
  controllers: [WhatsAppWebhookController, FacebookWebhookController, LinkedInWebhookController],
  providers: [
    WebhookIngestService,
    WebhookHttpEntry,
    InboundEventBatcher,
    MetaHandshakeService,
    LinkedInChallengeService,
    SignatureFailureLimiter,
  ],
})
export class WebhooksModule {}

import { parseWhatsAppWebhook } from '@webcare/channels';
import { metaVerify, payloadErrorToDomain, WebhookSource } from './webhook-ingest.service';

export const whatsAppSource: WebhookSource = {
  channel: 'whatsapp',
  verify: metaVerify,
  parse: (body) => payloadErrorToDomain(() => parseWhatsAppWebhook(body)),
};

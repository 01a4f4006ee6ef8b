import { Logger } from '@nestjs/common';
import {
  facebookStandbyCount,
  parseFacebookWebhook,
  parseLinkedInWebhook,
  parseWhatsAppWebhook,
  verifyLinkedInSignature,
} from '@webcare/channels';
import { metaVerify, payloadErrorToDomain, WebhookSource } from './webhook-ingest.service';

const facebookLogger = new Logger('FacebookWebhook');

export const whatsAppSource: WebhookSource = {
  channel: 'whatsapp',
  signatureHeader: 'x-hub-signature-256',
  verify: metaVerify,
  parse: (body) => payloadErrorToDomain(() => parseWhatsAppWebhook(body)),
};

export const facebookSource: WebhookSource = {
  channel: 'facebook',
  signatureHeader: 'x-hub-signature-256',
  verify: metaVerify,
  parse: (body) =>
    payloadErrorToDomain(() => {
      const events = parseFacebookWebhook(body);
      // Another app controls these threads (a handover): its events are not ours to file.
      const standby = facebookStandbyCount(body);
      if (standby) facebookLogger.log({ events: standby }, 'standby events ignored');
      return events;
    }),
};

/** LinkedIn signs with the app's client secret, stored as the account's app secret. */
export const linkedInSource: WebhookSource = {
  channel: 'linkedin',
  signatureHeader: 'x-li-signature',
  verify: (raw, signature, account) => verifyLinkedInSignature(raw, signature, account.appSecret),
  parse: (body) => payloadErrorToDomain(() => parseLinkedInWebhook(body)),
};

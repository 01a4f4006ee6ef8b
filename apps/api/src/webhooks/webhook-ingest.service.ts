import { Injectable, Logger } from '@nestjs/common';
import { NormalizedEvent, verifyMetaSignature, WebhookPayloadError } from '@webcare/channels';
import { Channel, DomainError } from '@webcare/platform';
import { ChannelAccountSecrets, ChannelAccountsService } from '@webcare/domain';
import { InboundEventBatcher } from './inbound-event.batcher';
import { webhookError, WebhookErrorCode } from './webhook.errors';

export interface WebhookSource {
  channel: Channel;
  /** The request header carrying the signature (lower case). */
  signatureHeader: string;
  /** Checks the signature header against one account's secret, over the raw bytes. */
  verify(rawBody: Buffer, signature: string | undefined, account: ChannelAccountSecrets): boolean;
  parse(body: unknown): NormalizedEvent[];
}

export const metaVerify: WebhookSource['verify'] = (raw, signature, account) =>
  verifyMetaSignature(raw, signature, account.appSecret);

/**
 * Verifies, parses and durably stores webhook events (grouped with concurrent webhooks), then answers. The payload is sealed at rest
 * and only ids travel on: the worker does the slow part (anonymize, encrypt per case, notify).
 */
@Injectable()
export class WebhookIngestService {
  private readonly logger = new Logger(WebhookIngestService.name);

  constructor(
    private readonly accounts: ChannelAccountsService,
    private readonly batcher: InboundEventBatcher,
  ) {}

  async receive(
    source: WebhookSource,
    rawBody: unknown,
    signature: string | undefined,
  ): Promise<{ status: 'ok' }> {
    const raw = Buffer.isBuffer(rawBody) ? rawBody : Buffer.alloc(0);
    const accounts = await this.accounts.ofChannel(source.channel);
    const trusted = accounts.filter((a) => source.verify(raw, signature, a));
    // Webhook requests are not access-logged one by one (see LoggingModule); rejections are.
    if (!trusted.length) {
      this.logger.warn(
        { channel: source.channel, bytes: raw.length },
        'webhook refused: bad or missing signature',
      );
      throw webhookError(
        WebhookErrorCode.InvalidSignature,
        'The webhook signature is missing or does not match',
      );
    }
    const events = this.parseOrWarn(source, raw);
    const secrets = new Set(trusted.map((a) => a.appSecret));
    const rows: { accountId: string; event: NormalizedEvent }[] = [];
    let unknown = 0;
    for (const event of events) {
      if (event.kind === 'status' && event.status === 'read') continue; // read receipts are not kept per person
      const account = accounts.find(
        (a) => a.externalId === event.accountExternalId && secrets.has(a.appSecret),
      );
      if (account) rows.push({ accountId: account.id, event });
      else unknown++;
    }
    if (unknown)
      this.logger.warn(
        { channel: source.channel, events: unknown },
        'events for unknown channel accounts ignored',
      );
    await this.batcher.store(rows);
    return { status: 'ok' };
  }

  private parseOrWarn(source: WebhookSource, raw: Buffer): NormalizedEvent[] {
    try {
      return source.parse(parseJson(raw));
    } catch (err) {
      const code = err instanceof DomainError ? err.code : 'UNEXPECTED';
      this.logger.warn(
        { channel: source.channel, bytes: raw.length, code },
        'webhook refused: unreadable body',
      );
      throw err;
    }
  }
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw webhookError(WebhookErrorCode.MalformedJson, 'The webhook body is not valid JSON');
  }
}

export function payloadErrorToDomain<T>(fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof WebhookPayloadError)
      throw webhookError(WebhookErrorCode.MalformedPayload, err.message);
    throw err;
  }
}

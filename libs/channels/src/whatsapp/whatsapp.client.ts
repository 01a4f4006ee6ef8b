import { type SendResult } from '../channel.types';
import { answeredWithoutId } from '../http-send';
import { graphSendError, transportSendError } from './whatsapp.errors';

export interface WhatsAppClientOptions {
  /** GRAPH_API_BASE_URL, e.g. https://graph.facebook.com/v21.0 (tests point it at a local stand-in). */
  baseUrl: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

export interface SendTextArgs {
  phoneNumberId: string;
  accessToken: string;
  /** Phone number, or a business-scoped user id (BSUID) for users who do not share their number. */
  to: string;
  text: string;
  /**
   * The Cloud API has no idempotency key. This value is sent as biz_opaque_callback_data, which Meta echoes
   * on the status webhooks (StatusEvent.clientReference), so a send whose answer was lost can be matched.
   */
  idempotencyKey?: string;
}

// BSUIDs look like "NL.1234567890" (or "NL.ENT.…" for a parent BSUID); phone numbers are digits.
const BSUID_PATTERN = /^[A-Z]{2}\.(?:ENT\.)?[A-Za-z0-9]+$/;
const DEFAULT_TIMEOUT_MS = 10_000;

export class WhatsAppClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: WhatsAppClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  /** Sends a plain text reply. Throws ChannelSendError; its messages never contain `to` or `text`. */
  async sendText(args: SendTextArgs): Promise<SendResult> {
    const url = `${this.baseUrl}/${encodeURIComponent(args.phoneNumberId)}/messages`;
    const body = {
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      // Meta addresses BSUIDs through `recipient`; `to` only takes phone numbers.
      ...(BSUID_PATTERN.test(args.to) ? { recipient: args.to } : { to: args.to }),
      type: 'text',
      text: { preview_url: false, body: args.text },
      ...(args.idempotencyKey ? { biz_opaque_callback_data: args.idempotencyKey } : {}),
    };

    let status: number;
    let payload: unknown;
    try {
      const res = await this.fetchImpl(url, {
        method: 'POST',
        headers: { Authorization: `Bearer ${args.accessToken}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      status = res.status;
      payload = parseJson(await res.text());
    } catch (err) {
      throw transportSendError(err);
    }

    if (status < 200 || status >= 300) throw graphSendError(status, payload);
    const id = (payload as { messages?: { id?: unknown }[] } | undefined)?.messages?.[0]?.id;
    if (typeof id !== 'string' || !id) {
      throw answeredWithoutId(
        `WhatsApp send answered HTTP ${status} without a message id`,
        'WhatsApp gave an unexpected answer; the reply may or may not have been delivered.',
      );
    }
    return { externalId: id };
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

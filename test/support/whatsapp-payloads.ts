import { signMetaBody } from '../../libs/channels/src';
import { randomBytes } from 'node:crypto';
import { WHATSAPP } from './processes';

export interface TextMessageInput {
  from: string;
  name?: string;
  text: string;
  id?: string;
  timestamp?: number;
  phoneNumberId?: string;
}

export function waMessageId(): string {
  return `wamid.${randomBytes(24).toString('base64')}`;
}

/** The Cloud API's webhook envelope: one `messages` change per value, to our phone number id by default. */
function waWebhook(
  changes: { phoneNumberId?: string; value: Record<string, unknown> }[],
): Record<string, unknown> {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: '102345678901234',
        changes: changes.map((c) => ({
          field: 'messages',
          value: {
            messaging_product: 'whatsapp',
            metadata: {
              display_phone_number: '31850001234',
              phone_number_id: c.phoneNumberId ?? WHATSAPP.phoneNumberId,
            },
            ...c.value,
          },
        })),
      },
    ],
  };
}

/** A webhook body in the documented Cloud API shape, one change per message. */
export function waTextWebhook(messages: TextMessageInput[]): Record<string, unknown> {
  return waWebhook(
    messages.map((m) => ({
      phoneNumberId: m.phoneNumberId,
      value: {
        contacts: [{ profile: { name: m.name ?? 'Test Persoon' }, wa_id: m.from }],
        messages: [
          {
            from: m.from,
            id: m.id ?? waMessageId(),
            timestamp: String(m.timestamp ?? Math.floor(Date.now() / 1000)),
            type: 'text',
            text: { body: m.text },
          },
        ],
      },
    })),
  );
}

/** A delivery status of a message we sent (`id` its wamid), as the platform reports it now. */
export function waStatusWebhook(s: {
  id: string;
  status: string;
  recipientId: string;
  callbackData?: string;
}): Record<string, unknown> {
  const status = {
    id: s.id,
    status: s.status,
    timestamp: String(Math.floor(Date.now() / 1000)),
    recipient_id: s.recipientId,
    ...(s.callbackData !== undefined && { biz_opaque_callback_data: s.callbackData }),
  };
  return waWebhook([{ value: { statuses: [status] } }]);
}

/** Serializes like Meta does (non-ASCII escaped as \uXXXX) and signs the exact bytes. */
export function signedBody(body: unknown, secret = WHATSAPP.appSecret): { raw: Buffer; signature: string } {
  const json = JSON.stringify(body).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  const raw = Buffer.from(json);
  return { raw, signature: signMetaBody(raw, secret) };
}

export async function postWebhook(
  baseUrl: string,
  body: unknown,
  opts: { secret?: string; signature?: string | null; path?: string } = {},
): Promise<Response> {
  const { raw, signature } = signedBody(body, opts.secret);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = opts.signature === undefined ? signature : opts.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  return fetch(`${baseUrl}${opts.path ?? '/webhooks/whatsapp'}`, { method: 'POST', headers, body: raw });
}

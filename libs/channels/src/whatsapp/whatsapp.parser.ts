import {
  WebhookPayloadError,
  type NormalizedEvent,
  type PlatformError,
  type StatusEvent,
} from '../channel.types';
import { messageContent, str } from './whatsapp.message-content';
import type { WaContact, WaError, WaMessage } from './whatsapp.payload';

const STATUSES: ReadonlySet<string> = new Set<StatusEvent['status']>(['sent', 'delivered', 'read', 'failed']);

type Obj = Record<string, unknown>;

/**
 * Turns a WhatsApp Cloud API webhook body into normalized events, in payload order.
 * Throws WebhookPayloadError when the envelope or an event's identity fields are malformed; error messages
 * name the path, never a value. Changes for other fields (account_update, …) are skipped. `read` statuses
 * are returned too: whether to keep them is the caller's decision.
 */
export function parseWhatsAppWebhook(body: unknown): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  entries(body).forEach((entry, i) => {
    const changes = entry.changes;
    if (!Array.isArray(changes)) fail(`entry[${i}].changes must be an array`);
    changes.forEach((change: unknown, j) => {
      const path = `entry[${i}].changes[${j}]`;
      if (!isObj(change)) fail(`${path} must be an object`);
      if (change.field !== 'messages') return;
      events.push(...changeEvents(change.value, path));
    });
  });
  return events;
}

/**
 * The distinct phone_number_ids a body is addressed to, to pick the account (and its app secret) before
 * the signature is checked. Never throws: unrecognisable input yields [].
 */
export function whatsAppAccountIds(body: unknown): string[] {
  if (!isObj(body) || !Array.isArray(body.entry)) return [];
  const ids = new Set<string>();
  for (const entry of body.entry) {
    if (!isObj(entry) || !Array.isArray(entry.changes)) continue;
    for (const change of entry.changes) {
      if (!isObj(change) || change.field !== 'messages' || !isObj(change.value)) continue;
      const id = isObj(change.value.metadata) ? str(change.value.metadata.phone_number_id) : undefined;
      if (id) ids.add(id);
    }
  }
  return [...ids];
}

function entries(body: unknown): Obj[] {
  if (!isObj(body)) fail('body must be a JSON object');
  if (body.object !== 'whatsapp_business_account') fail('object must be "whatsapp_business_account"');
  if (!Array.isArray(body.entry)) fail('entry must be an array');
  return body.entry.map((entry: unknown, i) => {
    if (!isObj(entry)) fail(`entry[${i}] must be an object`);
    return entry;
  });
}

function changeEvents(value: unknown, path: string): NormalizedEvent[] {
  if (!isObj(value)) fail(`${path}.value must be an object`);
  const accountExternalId = isObj(value.metadata) ? str(value.metadata.phone_number_id) : undefined;
  if (!accountExternalId) fail(`${path}.value.metadata.phone_number_id is missing`);
  const contacts = optionalArray(value.contacts, `${path}.value.contacts`).filter(isObj) as WaContact[];
  const messages = optionalArray(value.messages, `${path}.value.messages`).map((m, k) =>
    messageEvent(m, `${path}.value.messages[${k}]`, accountExternalId, contacts),
  );
  const statuses = optionalArray(value.statuses, `${path}.value.statuses`)
    .map((s, k) => statusEvent(s, `${path}.value.statuses[${k}]`, accountExternalId))
    .filter((s): s is StatusEvent => s !== null);
  return [...messages, ...statuses];
}

function messageEvent(
  raw: unknown,
  path: string,
  accountExternalId: string,
  contacts: WaContact[],
): NormalizedEvent {
  if (!isObj(raw)) fail(`${path} must be an object`);
  const m = raw as unknown as WaMessage;
  const externalId = required(m.id, `${path}.id`);
  const messageType = required(m.type, `${path}.type`);
  const phone = str(m.from);
  const bsuid = str(m.from_user_id);
  // Username users may withhold their number; the BSUID then is the only identifier.
  const senderExternalId = phone ?? bsuid;
  if (!senderExternalId) fail(`${path} has neither from nor from_user_id`);
  const contact = senderContact(contacts, phone, bsuid);
  const replyTo = messageType === 'reaction' ? m.reaction?.message_id : m.context?.id;
  return {
    kind: 'message',
    channel: 'whatsapp',
    accountExternalId,
    externalId,
    senderExternalId,
    senderBusinessScopedUserId: phone ? bsuid : undefined,
    senderName: str(contact?.profile?.name) ?? str(contact?.profile?.username),
    timestamp: unixTime(m.timestamp, `${path}.timestamp`),
    messageType,
    ...messageContent(m),
    replyToExternalId: str(replyTo),
    errors: platformErrors(m.errors),
  };
}

function statusEvent(raw: unknown, path: string, accountExternalId: string): StatusEvent | null {
  if (!isObj(raw)) fail(`${path} must be an object`);
  const status = required(raw.status, `${path}.status`);
  // Statuses Meta may add later (e.g. for other products) are not ours to store.
  if (!STATUSES.has(status)) return null;
  return {
    kind: 'status',
    channel: 'whatsapp',
    accountExternalId,
    externalId: required(raw.id, `${path}.id`),
    status: status as StatusEvent['status'],
    timestamp: unixTime(raw.timestamp, `${path}.timestamp`),
    recipientExternalId: str(raw.recipient_id) ?? str(raw.recipient_user_id),
    clientReference: str(raw.biz_opaque_callback_data),
    errors: platformErrors(raw.errors),
  };
}

function senderContact(contacts: WaContact[], phone?: string, bsuid?: string): WaContact | undefined {
  const match = contacts.find((c) => (phone && c.wa_id === phone) || (bsuid && c.user_id === bsuid));
  return match ?? (contacts.length === 1 ? contacts[0] : undefined);
}

function platformErrors(raw: unknown): PlatformError[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  const errors = raw
    .filter((e): e is WaError => isObj(e) && typeof e.code === 'number')
    .map((e) => ({ code: e.code, title: str(e.title) ?? str(e.message) ?? '' }));
  return errors.length ? errors : undefined;
}

// Meta sends Unix seconds as a string.
function unixTime(raw: unknown, path: string): Date {
  const seconds = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : raw;
  if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0) {
    fail(`${path} must be Unix seconds`);
  }
  return new Date(seconds * 1000);
}

function required(raw: unknown, path: string): string {
  const value = str(raw);
  if (!value) fail(`${path} must be a non-empty string`);
  return value;
}

function optionalArray(raw: unknown, path: string): unknown[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) fail(`${path} must be an array`);
  return raw;
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function fail(message: string): never {
  throw new WebhookPayloadError(`Malformed WhatsApp webhook: ${message}`);
}

import type { CommentChangeEvent, InboundMessageEvent, NormalizedEvent, StatusEvent } from '../channel.types';
import { failer, idString, isObj, type Obj, optionalArray, str, timeFrom } from '../payload-reading';

const fail: (message: string) => never = failer('Facebook');
const CHANGE_VERBS: Record<string, CommentChangeEvent['action']> = {
  edited: 'edit',
  edit: 'edit',
  remove: 'remove',
  hide: 'hide',
  unhide: 'unhide',
};

/**
 * Turns a Page webhook body into normalized events, in payload order. Messenger messages and comments
 * become messages; echoes of the page's own sends and delivery receipts become statuses (read receipts
 * are dropped here: they are not kept per person); comment edits, removals and hiding become comment
 * changes. Comments written by the page itself and everything under `standby` are left out.
 */
export function parseFacebookWebhook(body: unknown): NormalizedEvent[] {
  const events: NormalizedEvent[] = [];
  entries(body).forEach((entry, i) => {
    const pageId = str(entry.id) ?? idString(entry.id);
    if (!pageId) fail(`entry[${i}].id must be the page id`);
    optionalArray(entry.messaging, `entry[${i}].messaging`, fail).forEach((raw, j) => {
      events.push(...messagingEvents(raw, `entry[${i}].messaging[${j}]`, pageId));
    });
    optionalArray(entry.changes, `entry[${i}].changes`, fail).forEach((raw, j) => {
      const event = feedEvent(raw, `entry[${i}].changes[${j}]`, pageId);
      if (event) events.push(event);
    });
  });
  return events;
}

/** Events under `standby` belong to another app in control of the thread (a handover): counted, never stored. */
export function facebookStandbyCount(body: unknown): number {
  if (!isObj(body) || !Array.isArray(body.entry)) return 0;
  return body.entry.reduce(
    (n: number, e) => n + (isObj(e) && Array.isArray(e.standby) ? e.standby.length : 0),
    0,
  );
}

function entries(body: unknown): Obj[] {
  if (!isObj(body)) fail('body must be a JSON object');
  if (body.object !== 'page') fail('object must be "page"');
  if (!Array.isArray(body.entry)) fail('entry must be an array');
  return body.entry.map((entry: unknown, i) => {
    if (!isObj(entry)) fail(`entry[${i}] must be an object`);
    return entry;
  });
}

function messagingEvents(raw: unknown, path: string, pageId: string): NormalizedEvent[] {
  if (!isObj(raw)) fail(`${path} must be an object`);
  const sender = isObj(raw.sender) ? idString(raw.sender.id) : undefined;
  const recipient = isObj(raw.recipient) ? idString(raw.recipient.id) : undefined;
  if (!sender || !recipient) fail(`${path} needs sender.id and recipient.id`);
  const timestamp = timeFrom(raw.timestamp, 'ms', `${path}.timestamp`, fail);
  const base = { channel: 'facebook' as const, accountExternalId: pageId, timestamp };

  if (isObj(raw.message)) {
    const m = raw.message;
    const mid = str(m.mid);
    if (!mid) fail(`${path}.message.mid must be a non-empty string`);
    // An echo is the page's own message (ours, or sent from another tool): a status, never an inbound message.
    if (m.is_echo === true) {
      const echo: StatusEvent = {
        ...base,
        kind: 'status',
        externalId: mid,
        status: 'sent',
        recipientExternalId: recipient,
        clientReference: str(m.metadata),
      };
      return [echo];
    }
    return [{ ...base, kind: 'message', externalId: mid, senderExternalId: sender, ...messageContent(m) }];
  }
  if (isObj(raw.postback)) {
    const title = str(raw.postback.title) ?? '';
    const message: InboundMessageEvent = {
      ...base,
      kind: 'message',
      // Older postbacks carry no mid; the sender and the millisecond timestamp identify a tap.
      externalId: str(raw.postback.mid) ?? `postback:${sender}:${timestamp.getTime()}`,
      senderExternalId: sender,
      messageType: 'postback',
      text: title,
    };
    return [message];
  }
  if (isObj(raw.delivery)) {
    const watermark = timeFrom(raw.delivery.watermark, 'ms', `${path}.delivery.watermark`, fail);
    const mids = optionalArray(raw.delivery.mids, `${path}.delivery.mids`, fail).filter(
      (mid): mid is string => typeof mid === 'string' && mid !== '',
    );
    const delivered = (externalId: string, extra: Partial<StatusEvent> = {}): StatusEvent => ({
      ...base,
      kind: 'status',
      externalId,
      status: 'delivered',
      recipientExternalId: sender,
      ...extra,
    });
    return [
      ...mids.map((mid) => delivered(mid)),
      delivered(`watermark:${sender}:${watermark.getTime()}`, { watermark }),
    ];
  }
  // read (not kept per person), reactions, referrals, opt-ins and later additions are not stored.
  return [];
}

function messageContent(m: Obj): Pick<InboundMessageEvent, 'messageType' | 'text' | 'replyToExternalId'> {
  const text = str(m.text) ?? '';
  const attachments = (Array.isArray(m.attachments) ? m.attachments : []).filter(isObj);
  // No media is downloaded: each attachment is shown as a typed placeholder such as "[image]".
  const placeholders = attachments.map((a) => `[${str(a.type) ?? 'attachment'}]`);
  const messageType = isObj(m.quick_reply)
    ? 'quick_reply'
    : attachments.length
      ? (str(attachments[0].type) ?? 'attachment')
      : 'text';
  return {
    messageType,
    text: [text, ...placeholders].filter(Boolean).join(' '),
    replyToExternalId: isObj(m.reply_to) ? str(m.reply_to.mid) : undefined,
  };
}

function feedEvent(raw: unknown, path: string, pageId: string): NormalizedEvent | null {
  if (!isObj(raw)) fail(`${path} must be an object`);
  if (raw.field !== 'feed' || !isObj(raw.value) || raw.value.item !== 'comment') return null;
  const v = raw.value;
  const from = isObj(v.from) ? idString(v.from.id) : undefined;
  // The page's own comments (our public replies) are not inbound.
  if (from === pageId) return null;
  const commentId = str(v.comment_id);
  const postId = str(v.post_id);
  if (!commentId || !postId) fail(`${path}.value needs comment_id and post_id`);
  const timestamp = timeFrom(v.created_time, 's', `${path}.value.created_time`, fail);
  const verb = str(v.verb) ?? '';
  const base = { channel: 'facebook' as const, accountExternalId: pageId, externalId: commentId, timestamp };
  const text = [str(v.message) ?? '', ...(str(v.photo) ? ['[photo]'] : [])].filter(Boolean).join(' ');

  if (verb === 'add') {
    if (!from) fail(`${path}.value.from.id is missing`);
    const parent = str(v.parent_id);
    return {
      ...base,
      kind: 'message',
      senderExternalId: from,
      senderName: isObj(v.from) ? str(v.from.name) : undefined,
      messageType: 'comment',
      text,
      thread: postId,
      replyRef: {
        objectId: postId,
        commentId,
        parentCommentId: parent && parent !== postId ? parent : undefined,
      },
    };
  }
  const action = CHANGE_VERBS[verb];
  if (!action) return null;
  return {
    ...base,
    kind: 'comment_change',
    action,
    text: action === 'edit' ? text : undefined,
    // Every edit is its own event; a redelivery of the same edit carries the same time and text.
    dedupeKey: `facebook:change:${commentId}:${action}:${timestamp.getTime()}:${action === 'edit' ? text : ''}`,
  };
}

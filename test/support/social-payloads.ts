import { randomBytes } from 'node:crypto';
import { signLinkedInBody } from '../../libs/channels/src';
import { signedBody } from './whatsapp-payloads';

/** The Facebook page and LinkedIn organization the e2e tests bootstrap (see socialEnv). */
export const FACEBOOK = {
  pageId: '106543210987654',
  appSecret: 'test-facebook-app-secret',
  verifyToken: 'test-facebook-verify-token',
  accessToken: 'test-facebook-page-token',
};
export const LINKEDIN = {
  organizationUrn: 'urn:li:organization:2414183',
  clientSecret: 'test-linkedin-client-secret',
  accessToken: 'test-linkedin-access-token',
};

/** Environment that bootstraps both accounts, with LinkedIn calls going to the given stand-in. */
export function socialEnv(linkedInBaseUrl: string): Record<string, string> {
  return {
    FACEBOOK_PAGE_ID: FACEBOOK.pageId,
    FACEBOOK_APP_SECRET: FACEBOOK.appSecret,
    FACEBOOK_VERIFY_TOKEN: FACEBOOK.verifyToken,
    FACEBOOK_PAGE_ACCESS_TOKEN: FACEBOOK.accessToken,
    LINKEDIN_ORGANIZATION_URN: LINKEDIN.organizationUrn,
    LINKEDIN_CLIENT_SECRET: LINKEDIN.clientSecret,
    LINKEDIN_ACCESS_TOKEN: LINKEDIN.accessToken,
    LINKEDIN_API_BASE_URL: linkedInBaseUrl,
    LINKEDIN_API_VERSION: '202511',
  };
}

export const uniqueId = (prefix = ''): string => `${prefix}${BigInt(`0x${randomBytes(7).toString('hex')}`)}`;

/**
 * One Messenger event (a message, a delivery, …) in the documented Page webhook shape, from a PSID
 * to the page, or from the page to the PSID (`fromPage`, as echoes are).
 */
export function messengerEvent<E extends Record<string, unknown>>(
  psid: string,
  event: E,
  opts: { timestamp?: number; fromPage?: boolean } = {},
) {
  const [sender, recipient] = opts.fromPage ? [FACEBOOK.pageId, psid] : [psid, FACEBOOK.pageId];
  return {
    object: 'page',
    entry: [
      {
        id: FACEBOOK.pageId,
        time: Date.now(),
        messaging: [
          {
            sender: { id: sender },
            recipient: { id: recipient },
            timestamp: opts.timestamp ?? Date.now(),
            ...event,
          },
        ],
      },
    ],
  };
}

/** A Messenger text message from a PSID. */
export function messengerText(psid: string, text: string, opts: { mid?: string; timestamp?: number } = {}) {
  return messengerEvent(psid, { message: { mid: opts.mid ?? `m_${uniqueId()}`, text } }, opts);
}

export interface CommentInput {
  from: string;
  name?: string;
  postId: string;
  commentId: string;
  parentId?: string;
  message?: string;
  verb?: string;
  createdTime?: number;
}

/** A Page feed change for a comment (field "feed", item "comment"). */
export function feedComment(c: CommentInput) {
  return {
    object: 'page',
    entry: [
      {
        id: FACEBOOK.pageId,
        time: Date.now(),
        changes: [
          {
            field: 'feed',
            value: {
              from: { id: c.from, name: c.name ?? 'Test Persoon' },
              post: { id: c.postId, status_type: 'added_photos', is_published: true },
              post_id: c.postId,
              comment_id: c.commentId,
              parent_id: c.parentId ?? c.postId,
              ...(c.message !== undefined ? { message: c.message } : {}),
              created_time: c.createdTime ?? Math.floor(Date.now() / 1000),
              item: 'comment',
              verb: c.verb ?? 'add',
            },
          },
        ],
      },
    ],
  };
}

export function postFacebook(
  baseUrl: string,
  body: unknown,
  opts: { secret?: string; signature?: string | null } = {},
) {
  const { raw, signature } = signedBody(body, opts.secret ?? FACEBOOK.appSecret);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  const sig = opts.signature === undefined ? signature : opts.signature;
  if (sig !== null) headers['x-hub-signature-256'] = sig;
  return fetch(`${baseUrl}/webhooks/facebook`, { method: 'POST', headers, body: raw });
}

export interface NotificationInput {
  notificationId: number;
  action: string;
  sourcePost?: string;
  generatedActivity?: string;
  owner?: string;
  text?: string;
}

/** An ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS push with the given notifications. */
export function linkedInNotifications(notifications: NotificationInput[]) {
  return {
    type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
    notifications: notifications.map((n) => ({
      notificationId: n.notificationId,
      organizationalEntity: LINKEDIN.organizationUrn,
      action: n.action,
      lastModifiedAt: Date.now(),
      ...(n.sourcePost ? { sourcePost: n.sourcePost } : {}),
      ...(n.generatedActivity ? { generatedActivity: n.generatedActivity } : {}),
      ...(n.owner
        ? {
            decoratedGeneratedActivity: {
              [n.action === 'SHARE_MENTION' ? 'share' : 'comment']: {
                entity: n.sourcePost,
                owner: n.owner,
                text: n.text ?? '',
              },
            },
          }
        : {}),
    })),
  };
}

/** Posts a LinkedIn push signed in one of the two forms seen in practice (or with a given header). */
export function postLinkedIn(
  baseUrl: string,
  body: unknown,
  opts: {
    form?: 'plain' | 'prefixed-header' | 'prefixed-body';
    signature?: string | null;
    secret?: string;
  } = {},
) {
  const raw = Buffer.from(JSON.stringify(body));
  const secret = opts.secret ?? LINKEDIN.clientSecret;
  const form = opts.form ?? 'plain';
  const computed =
    form === 'prefixed-body'
      ? signLinkedInBody(Buffer.concat([Buffer.from('hmacsha256='), raw]), secret)
      : `${form === 'prefixed-header' ? 'hmacsha256=' : ''}${signLinkedInBody(raw, secret)}`;
  const sig = opts.signature === undefined ? computed : opts.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (sig !== null) headers['x-li-signature'] = sig;
  return fetch(`${baseUrl}/webhooks/linkedin`, { method: 'POST', headers, body: raw });
}

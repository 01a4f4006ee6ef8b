import type { NormalizedEvent } from '../channel.types';
import { failer, idString, isObj, type Obj, str, timeFrom } from '../payload-reading';

const fail: (message: string) => never = failer('LinkedIn');
export const LINKEDIN_NOTIFICATION_TYPE = 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS';

/**
 * Turns a LinkedIn Organization Social Action Notifications push (up to 10 notifications per body) into
 * normalized events. COMMENT and SHARE_MENTION open or continue a case per commenter and post,
 * COMMENT_EDIT and COMMENT_DELETE change a stored comment; ADMIN_COMMENT (the organization's own), LIKE,
 * SHARE and other actions are left out. LinkedIn retries a notification with the same notificationId: a
 * COMMENT or mention is keyed by the comment (share) it names, one per notification, so its retries collapse
 * and retention finds its stored event with the comment; edits and deletions are keyed by notificationId.
 */
export function parseLinkedInWebhook(body: unknown): NormalizedEvent[] {
  if (!isObj(body)) fail('body must be a JSON object');
  // Other subscription types may share the endpoint later; they are not ours to store.
  if (body.type !== LINKEDIN_NOTIFICATION_TYPE) return [];
  if (!Array.isArray(body.notifications)) fail('notifications must be an array');
  return body.notifications.flatMap((raw: unknown, i) => notification(raw, `notifications[${i}]`));
}

function notification(raw: unknown, path: string): NormalizedEvent[] {
  if (!isObj(raw)) fail(`${path} must be an object`);
  const notificationId = idString(raw.notificationId);
  const organization = str(raw.organizationalEntity);
  const action = str(raw.action);
  if (!notificationId || !organization || !action) {
    fail(`${path} needs notificationId, organizationalEntity and action`);
  }
  const base = {
    channel: 'linkedin' as const,
    accountExternalId: organization,
    timestamp:
      raw.lastModifiedAt === undefined
        ? new Date()
        : timeFrom(raw.lastModifiedAt, 'ms', `${path}.lastModifiedAt`, fail),
  };
  const dedupeKey = `linkedin:notification:${notificationId}`;
  const activity = str(raw.generatedActivity);
  const post = str(raw.sourcePost);
  const decorated = isObj(raw.decoratedGeneratedActivity) ? raw.decoratedGeneratedActivity : {};

  switch (action) {
    case 'COMMENT': {
      if (!activity || !post) fail(`${path} needs generatedActivity and sourcePost`);
      const comment = authored(decorated.comment, `${path}.decoratedGeneratedActivity.comment`);
      return [
        {
          ...base,
          kind: 'message',
          externalId: activity,
          senderExternalId: comment.author,
          messageType: 'comment',
          text: comment.text,
          thread: post,
          replyRef: { objectId: post, commentId: activity },
        },
      ];
    }
    case 'SHARE_MENTION': {
      if (!activity) fail(`${path} needs generatedActivity`);
      const share = authored(decorated.share ?? decorated.post, `${path}.decoratedGeneratedActivity.share`);
      return [
        {
          ...base,
          kind: 'message',
          externalId: activity,
          senderExternalId: share.author,
          messageType: 'mention',
          text: share.text,
          thread: activity,
          // A mention is answered with a comment on the person's post.
          replyRef: { objectId: activity },
        },
      ];
    }
    case 'COMMENT_EDIT':
    case 'COMMENT_DELETE': {
      if (!activity) fail(`${path} needs generatedActivity`);
      const edit = action === 'COMMENT_EDIT';
      const text = edit ? commentText(isObj(decorated.comment) ? decorated.comment : {}) : undefined;
      return [
        {
          ...base,
          kind: 'comment_change',
          externalId: activity,
          action: edit ? 'edit' : 'remove',
          text,
          dedupeKey,
        },
      ];
    }
    default:
      // ADMIN_COMMENT is the organization's own comment; LIKE, SHARE and later actions carry no question.
      return [];
  }
}

function authored(raw: unknown, path: string): { author: string; text: string } {
  if (!isObj(raw)) fail(`${path} is missing`);
  const author = str(raw.owner) ?? str(raw.actor) ?? str(raw.author);
  if (!author) fail(`${path}.owner must be the person URN`);
  return { author, text: commentText(raw) };
}

function commentText(raw: Obj): string {
  return (
    str(raw.text) ?? (isObj(raw.message) ? str(raw.message.text) : undefined) ?? str(raw.commentary) ?? ''
  );
}

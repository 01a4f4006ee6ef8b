import type { Channel } from '@webcare/platform';

const HOUR_MS = 60 * 60 * 1000;
/** Messenger (like WhatsApp) allows free replies within 24 hours of the person's last message. */
export const MESSENGER_WINDOW_MS = 24 * HOUR_MS;
/** With Meta's approval, the HUMAN_AGENT tag allows a human reply up to 7 days after it. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;
/** A Private Reply to a comment must be sent within 7 days of the comment. */
export const PRIVATE_REPLY_WINDOW_MS = 7 * 24 * HOUR_MS;

export type ReplyVisibility = 'public' | 'private';

export enum ReplyRuleError {
  WindowClosed = 'WINDOW_CLOSED',
  PrivateReplyExpired = 'PRIVATE_REPLY_EXPIRED',
  PrivateReplyUsed = 'PRIVATE_REPLY_USED',
  PublicReplyHasIdentifier = 'PUBLIC_REPLY_HAS_IDENTIFIER',
  VisibilityNotSupported = 'VISIBILITY_NOT_SUPPORTED',
  NoCommentToAnswer = 'NO_COMMENT_TO_ANSWER',
}

export const REPLY_RULE_STATUS: Record<ReplyRuleError, number> = {
  [ReplyRuleError.WindowClosed]: 422,
  [ReplyRuleError.PrivateReplyExpired]: 422,
  [ReplyRuleError.PrivateReplyUsed]: 409,
  [ReplyRuleError.PublicReplyHasIdentifier]: 422,
  [ReplyRuleError.VisibilityNotSupported]: 422,
  [ReplyRuleError.NoCommentToAnswer]: 422,
};

export interface ReplyContext {
  channel: Channel;
  /** Comment cases (Facebook page comments, LinkedIn) answer a comment; the rest are direct messages. */
  isComment: boolean;
  visibility?: ReplyVisibility;
  lastInboundAt: Date | null;
  /** The comment a comment reply answers: the latest one of the case. */
  target: { sentAt: Date; privatelyAnswered: boolean } | null;
  humanAgentTag: boolean;
  /** The anonymizer found an identifier in the draft. */
  draftHasIdentifier: boolean;
  now: Date;
}

export type ReplyDecision =
  | { ok: true; visibility: ReplyVisibility | null; answersComment: boolean }
  | { ok: false; error: ReplyRuleError; message: string };

/**
 * The platform rules a reply must meet before it is queued, so staff hear "no" with what to do instead of
 * a failed send later. WhatsApp's own window is checked elsewhere (whatsapp-window).
 */
export function decideReply(ctx: ReplyContext): ReplyDecision {
  const refuse = (error: ReplyRuleError, message: string): ReplyDecision => ({ ok: false, error, message });
  if (!ctx.isComment) {
    if (ctx.visibility === 'public' || ctx.visibility === 'private') {
      return refuse(
        ReplyRuleError.VisibilityNotSupported,
        'visibility applies to comment conversations only; leave it out.',
      );
    }
    if (ctx.channel === 'facebook') {
      const closed = messengerWindowClosedAt(ctx.lastInboundAt, ctx.now, ctx.humanAgentTag);
      if (closed) {
        return refuse(
          ReplyRuleError.WindowClosed,
          `Messenger's reply window closed at ${closed.toISOString()} (${ctx.humanAgentTag ? '7 days with the human agent tag' : '24 hours'} after the person's last message). Wait until the person writes again${ctx.humanAgentTag ? '' : ', or ask an administrator whether the human agent tag (up to 7 days) can be enabled for this page'}.`,
        );
      }
    }
    return { ok: true, visibility: null, answersComment: false };
  }
  const visibility = ctx.visibility ?? 'public';
  if (!ctx.target) {
    return refuse(
      ReplyRuleError.NoCommentToAnswer,
      'The comment this conversation was about has been removed; there is nothing left to reply to.',
    );
  }
  if (visibility === 'private') {
    if (ctx.channel !== 'facebook') {
      return refuse(
        ReplyRuleError.VisibilityNotSupported,
        'LinkedIn offers no private messages for organizations: reply publicly without personal data, or point the person to another contact route.',
      );
    }
    if (ctx.target.privatelyAnswered) {
      return refuse(
        ReplyRuleError.PrivateReplyUsed,
        'This comment already has its private reply: Facebook allows one per comment. Reply publicly, or wait until the person writes to the page in Messenger.',
      );
    }
    if (ctx.now.getTime() - ctx.target.sentAt.getTime() > PRIVATE_REPLY_WINDOW_MS) {
      return refuse(
        ReplyRuleError.PrivateReplyExpired,
        'Private replies are possible within 7 days of the comment, and this comment is older. Reply publicly without personal data instead.',
      );
    }
    return { ok: true, visibility, answersComment: true };
  }
  if (ctx.draftHasIdentifier) {
    return refuse(
      ReplyRuleError.PublicReplyHasIdentifier,
      ctx.channel === 'facebook'
        ? 'This public comment reply contains personal data (a name, number, address …). Reply privately instead (visibility "private"), or remove it.'
        : 'This public comment reply contains personal data (a name, number, address …). Remove it: a public comment thread is not the place for it.',
    );
  }
  return { ok: true, visibility, answersComment: true };
}

/** When Messenger's window closed, or null while it is open (24 hours, or 7 days with the human agent tag). */
export function messengerWindowClosedAt(
  lastInboundAt: Date | null,
  now: Date,
  humanAgentTag: boolean,
): Date | null {
  if (!lastInboundAt) return null;
  const closesAt = new Date(
    lastInboundAt.getTime() + (humanAgentTag ? HUMAN_AGENT_WINDOW_MS : MESSENGER_WINDOW_MS),
  );
  return closesAt <= now ? closesAt : null;
}

/**
 * A Messenger reply sent after the standard 24 hours needs the HUMAN_AGENT tag. Replies that late were only
 * queued for accounts allowed to use it (decideReply), so the sender need not know the setting.
 */
export function needsHumanAgentTag(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() >= MESSENGER_WINDOW_MS;
}

import { type SendResult } from '../channel.types';
import { answeredWithoutId, postJson } from '../http-send';
import { facebookSendError } from './facebook.errors';

export interface FacebookClientOptions {
  /** GRAPH_API_BASE_URL, e.g. https://graph.facebook.com/v21.0 (tests point it at a local stand-in). */
  baseUrl: string;
  fetchImpl?: typeof fetch;
  timeoutMs?: number;
}

interface Common {
  pageId: string;
  accessToken: string;
  text: string;
}

export interface MessengerSendArgs extends Common {
  psid: string;
  /** Our message id: Meta echoes it as `metadata` on the message echo, which settles an interrupted send. */
  idempotencyKey: string;
  /** Outside the 24-hour window, with Meta's approval: the HUMAN_AGENT tag allows replies up to 7 days. */
  humanAgentTag?: boolean;
}

export interface CommentReplyArgs extends Common {
  /** The comment answered; replies to a reply go under its top-level comment. */
  commentId: string;
}

/** Messenger Send API, Private Replies and comment replies on the Graph API. Errors never carry text or ids. */
export class FacebookClient {
  private readonly baseUrl: string;
  private readonly fetchImpl: typeof fetch;
  private readonly timeoutMs: number;

  constructor(opts: FacebookClientOptions) {
    this.baseUrl = opts.baseUrl.replace(/\/+$/, '');
    this.fetchImpl = opts.fetchImpl ?? fetch;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
  }

  /** POST /{page-id}/messages to a PSID: RESPONSE within 24 hours, MESSAGE_TAG HUMAN_AGENT after. */
  sendMessage(args: MessengerSendArgs): Promise<SendResult> {
    return this.post(
      `${encodeURIComponent(args.pageId)}/messages`,
      args.accessToken,
      {
        recipient: { id: args.psid },
        ...(args.humanAgentTag
          ? { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' }
          : { messaging_type: 'RESPONSE' }),
        message: { text: args.text, metadata: args.idempotencyKey },
      },
      'message_id',
    );
  }

  /** A Private Reply: one Messenger message to the author of a comment (once per comment, within 7 days). */
  privateReply(args: CommentReplyArgs): Promise<SendResult> {
    return this.post(
      `${encodeURIComponent(args.pageId)}/messages`,
      args.accessToken,
      {
        recipient: { comment_id: args.commentId },
        message: { text: args.text },
      },
      'message_id',
    );
  }

  /** A public reply in the comment thread: POST /{comment-id}/comments. */
  commentReply(args: CommentReplyArgs): Promise<SendResult> {
    return this.post(
      `${encodeURIComponent(args.commentId)}/comments`,
      args.accessToken,
      { message: args.text },
      'id',
    );
  }

  private async post(path: string, accessToken: string, body: unknown, idField: string): Promise<SendResult> {
    const { status, payload } = await postJson(
      'Facebook',
      this.fetchImpl,
      `${this.baseUrl}/${path}`,
      { Authorization: `Bearer ${accessToken}` },
      body,
      this.timeoutMs,
    );
    if (status < 200 || status >= 300) throw facebookSendError(status, payload);
    const id = (payload as Record<string, unknown> | undefined)?.[idField];
    if (typeof id !== 'string' || !id) {
      throw answeredWithoutId(
        `Facebook send answered HTTP ${status} without an id`,
        'Facebook gave an unexpected answer; the reply may or may not have been posted.',
      );
    }
    return { externalId: id };
  }
}

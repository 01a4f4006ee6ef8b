export type ChannelKind = 'whatsapp' | 'facebook' | 'linkedin';

export interface PlatformError {
  code: number;
  title: string;
}

/** A message a person sent to one of our channel accounts. */
export interface InboundMessageEvent {
  kind: 'message';
  channel: ChannelKind;
  /** Our channel account on the platform (WhatsApp: metadata.phone_number_id). */
  accountExternalId: string;
  /** Platform message id: the dedupe key per account. */
  externalId: string;
  /** The person's platform id (WhatsApp: phone number, or the BSUID when no number is shared). */
  senderExternalId: string;
  /**
   * WhatsApp business-scoped user id when the platform sends one next to the phone number, so the core can
   * link a later BSUID-only message to the same contact.
   */
  senderBusinessScopedUserId?: string;
  senderName?: string;
  timestamp: Date;
  /** The platform's message type, unchanged (text, image, interactive, unsupported, …). */
  messageType: string;
  /** Human-readable content; '' when the message has none (audio, sticker, unsupported). */
  text: string;
  media?: { id: string; mimeType?: string; sha256?: string; filename?: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string };
  /** The message this one answers or reacts to. */
  replyToExternalId?: string;
  errors?: PlatformError[];
  /**
   * Groups messages into one conversation beyond the sender: the post a comment was written under (one case
   * per commenter and post). Absent for direct messages.
   */
  thread?: string;
  /** What a reply to this message must name on the platform (comment ids, the post); stored encrypted. */
  replyRef?: ReplyRef;
  /** The platform's delivery id when it differs from the message id (LinkedIn notificationId): retries collapse on it. */
  dedupeKey?: string;
}

/** Where a reply goes: the comment to answer and the post (or LinkedIn share/ugcPost) it belongs to. */
export interface ReplyRef {
  objectId: string;
  /** Absent when answering a post itself (a LinkedIn mention). */
  commentId?: string;
  /** Facebook: the top-level comment a reply-to-a-reply is posted under. */
  parentCommentId?: string;
}

/** A person changed or took back a comment we stored; externalId is the comment's message id. */
export interface CommentChangeEvent {
  kind: 'comment_change';
  channel: ChannelKind;
  accountExternalId: string;
  externalId: string;
  action: 'edit' | 'remove' | 'hide' | 'unhide';
  /** The new text of an edit. */
  text?: string;
  timestamp: Date;
  /** Distinguishes repeated changes of one comment (each edit is its own event). */
  dedupeKey: string;
}

/** Delivery news about a message we sent. */
export interface StatusEvent {
  kind: 'status';
  channel: ChannelKind;
  accountExternalId: string;
  /** Id of our outbound message, as returned by the send call. */
  externalId: string;
  status: 'sent' | 'delivered' | 'read' | 'failed';
  timestamp: Date;
  recipientExternalId?: string;
  /** The idempotency key given to the send call, echoed by the platform (WhatsApp: biz_opaque_callback_data). */
  clientReference?: string;
  errors?: PlatformError[];
  /** Messenger delivery watermark: every message we sent this person up to this time is delivered. */
  watermark?: Date;
}

export type NormalizedEvent = InboundMessageEvent | StatusEvent | CommentChangeEvent;

/** The webhook body is not what the platform documents: the API answers 400. */
export class WebhookPayloadError extends Error {
  override readonly name = 'WebhookPayloadError';
}

export interface SendResult {
  externalId: string;
}

/** A failed send. `message` and `userMessage` never carry the recipient or the text. */
export class ChannelSendError extends Error {
  override readonly name = 'ChannelSendError';
  readonly code: string;
  readonly retryable: boolean;
  readonly platformCode?: number;
  /** Safe to show to staff: explains what happened and what to do, without personal data. */
  readonly userMessage: string;

  constructor(args: {
    code: string;
    retryable: boolean;
    message: string;
    userMessage: string;
    platformCode?: number;
  }) {
    super(args.message);
    this.code = args.code;
    this.retryable = args.retryable;
    this.platformCode = args.platformCode;
    this.userMessage = args.userMessage;
  }
}

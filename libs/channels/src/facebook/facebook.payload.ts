/**
 * The Facebook Page webhook (`object: "page"`) as documented by Meta: Messenger events under
 * `entry[].messaging[]` (messages, message_echoes, messaging_postbacks, message_deliveries, message_reads),
 * events for another app in control of the thread under `entry[].standby[]`, and Page feed changes under
 * `entry[].changes[]` (field "feed", item "comment").
 */
export interface FbWebhookBody {
  object: 'page';
  entry: FbEntry[];
}

export interface FbEntry {
  /** Page id. */
  id: string;
  time: number;
  messaging?: FbMessagingEvent[];
  standby?: FbMessagingEvent[];
  changes?: FbChange[];
}

export interface FbMessagingEvent {
  sender: { id: string };
  recipient: { id: string };
  /** Unix milliseconds. */
  timestamp: number;
  message?: FbMessage;
  postback?: { mid?: string; title?: string; payload?: string };
  delivery?: { mids?: string[]; watermark: number };
  read?: { watermark: number };
}

export interface FbMessage {
  mid: string;
  text?: string;
  quick_reply?: { payload: string };
  reply_to?: { mid: string };
  attachments?: { type: string; payload?: Record<string, unknown> }[];
  is_echo?: boolean;
  /** A number in most deliveries, a string in some: both are accepted. */
  app_id?: number | string;
  /** What we passed as `message.metadata` to the Send API: our message id. */
  metadata?: string;
}

export interface FbChange {
  field: string;
  value: FbFeedValue;
}

export interface FbFeedValue {
  item: string;
  verb: 'add' | 'edited' | 'edit' | 'remove' | 'hide' | 'unhide' | string;
  from?: { id: string; name?: string };
  post_id: string;
  comment_id?: string;
  /** The post for a top-level comment, the parent comment for a reply. */
  parent_id?: string;
  message?: string;
  photo?: string;
  /** Unix seconds. */
  created_time: number;
}

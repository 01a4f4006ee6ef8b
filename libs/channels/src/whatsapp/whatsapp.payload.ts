/**
 * The WhatsApp Cloud API `messages` webhook as documented by Meta
 * (developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages).
 * Phone-number fields are optional: users who adopt a username are identified by a business-scoped user id
 * (BSUID, `CC.<id>`, or `CC.ENT.<id>` for a parent BSUID) and their number may be withheld.
 */

export interface WaWebhookBody {
  object: 'whatsapp_business_account';
  entry: WaEntry[];
}

export interface WaEntry {
  /** WhatsApp Business Account id. */
  id: string;
  changes: WaChange[];
}

/** Only `field: 'messages'` is parsed; other subscriptions (account_update, …) are ignored. */
export interface WaChange {
  field: string;
  value: WaMessagesValue;
}

export interface WaMessagesValue {
  messaging_product: 'whatsapp';
  metadata: { display_phone_number: string; phone_number_id: string };
  contacts?: WaContact[];
  messages?: WaMessage[];
  statuses?: WaStatus[];
  errors?: WaError[];
}

export interface WaContact {
  profile?: { name?: string; username?: string };
  /** Phone number; absent when the user hides it behind a username. */
  wa_id?: string;
  /** BSUID. */
  user_id?: string;
  parent_user_id?: string;
}

export interface WaError {
  code: number;
  title: string;
  message?: string;
  error_data?: { details?: string };
  href?: string;
}

export interface WaMedia {
  id: string;
  mime_type?: string;
  sha256?: string;
  caption?: string;
  url?: string;
}

export interface WaSharedContact {
  name?: { formatted_name?: string; first_name?: string; last_name?: string };
  phones?: { phone?: string; wa_id?: string; type?: string }[];
  emails?: { email?: string; type?: string }[];
  vcard?: string;
}

export interface WaMessage {
  id: string;
  timestamp: string;
  type: string;
  /** Sender phone number; absent for BSUID-only senders. */
  from?: string;
  /** Sender BSUID. */
  from_user_id?: string;
  from_parent_user_id?: string;
  context?: { from?: string; id?: string; from_user_id?: string; forwarded?: boolean };
  errors?: WaError[];
  text?: { body: string };
  image?: WaMedia;
  video?: WaMedia;
  audio?: WaMedia & { voice?: boolean };
  document?: WaMedia & { filename?: string };
  sticker?: WaMedia & { animated?: boolean };
  interactive?: {
    type: 'button_reply' | 'list_reply' | 'nfm_reply' | string;
    button_reply?: { id: string; title: string };
    list_reply?: { id: string; title: string; description?: string };
    /** WhatsApp Flow answers; response_json holds form data and is not read. */
    nfm_reply?: { name?: string; body?: string; response_json?: string };
  };
  /** Quick-reply button of a template message. */
  button?: { payload?: string; text: string };
  location?: { latitude: number; longitude: number; name?: string; address?: string; url?: string };
  contacts?: WaSharedContact[];
  /** An empty or missing emoji means the reaction was removed. */
  reaction?: { message_id: string; emoji?: string };
  system?: {
    body?: string;
    type?: string;
    wa_id?: string;
    new_wa_id?: string;
    customer?: string;
    user_id?: string;
    previous_user_id?: string;
  };
  order?: { catalog_id?: string; text?: string };
  unsupported?: { type?: string };
}

export interface WaStatus {
  /** Id of the message we sent (wamid). */
  id: string;
  status: string;
  timestamp: string;
  /** Recipient phone number; may be absent when the message was addressed by BSUID. */
  recipient_id?: string;
  recipient_user_id?: string;
  recipient_parent_user_id?: string;
  biz_opaque_callback_data?: string;
  errors?: WaError[];
  conversation?: { id: string; origin?: { type: string }; expiration_timestamp?: string };
  pricing?: { billable?: boolean; pricing_model?: string; category?: string; type?: string };
}

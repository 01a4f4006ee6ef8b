import type { InboundMessageEvent } from '../channel.types';
import type { WaMedia, WaMessage } from './whatsapp.payload';

type Content = Pick<InboundMessageEvent, 'text' | 'media' | 'location'>;

const MEDIA_TYPES = ['image', 'video', 'audio', 'document', 'sticker'] as const;
type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * The readable content of one message. Content fields are read leniently (a missing caption is just '')
 * because a 400 on a genuine delivery makes Meta retry it and eventually disable the webhook.
 */
export function messageContent(m: WaMessage): Content {
  if (isMediaType(m.type)) return mediaContent(m.type, m[m.type]);
  switch (m.type) {
    case 'text':
      return { text: str(m.text?.body) ?? '' };
    case 'interactive':
      return { text: str(m.interactive?.button_reply?.title) ?? str(m.interactive?.list_reply?.title) ?? '' };
    case 'button':
      return { text: str(m.button?.text) ?? '' };
    case 'location':
      return locationContent(m.location);
    case 'contacts':
      return { text: sharedContactNames(m) };
    case 'reaction':
      return { text: str(m.reaction?.emoji) ?? '' };
    case 'system':
      return { text: withoutPhoneNumbers(str(m.system?.body) ?? '') };
    case 'order':
      return { text: str(m.order?.text) ?? '' };
    default:
      // unsupported, unknown, request_welcome and types added later carry no text we can show.
      return { text: '' };
  }
}

function isMediaType(type: string): type is MediaType {
  return (MEDIA_TYPES as readonly string[]).includes(type);
}

function mediaContent(type: MediaType, media: (WaMedia & { filename?: string }) | undefined): Content {
  const id = str(media?.id);
  if (!media || !id) return { text: '' };
  return {
    // Audio and stickers have no caption.
    text: str(media.caption) ?? '',
    media: {
      id,
      mimeType: str(media.mime_type),
      sha256: str(media.sha256),
      filename: type === 'document' ? str(media.filename) : undefined,
    },
  };
}

function locationContent(loc: WaMessage['location']): Content {
  const name = str(loc?.name);
  const address = str(loc?.address);
  const text = [name, address].filter(Boolean).join(', ');
  if (typeof loc?.latitude !== 'number' || typeof loc.longitude !== 'number') return { text };
  return { text, location: { latitude: loc.latitude, longitude: loc.longitude, name, address } };
}

// Names only: the shared phone numbers and e-mail addresses are not needed to read the message.
function sharedContactNames(m: WaMessage): string {
  return (m.contacts ?? [])
    .map(
      (c) =>
        str(c.name?.formatted_name) ??
        [str(c.name?.first_name), str(c.name?.last_name)].filter(Boolean).join(' '),
    )
    .filter(Boolean)
    .join(', ');
}

// System bodies read "User X changed from <old number> to <new number>"; the number is an identifier that
// belongs in senderExternalId only.
function withoutPhoneNumbers(body: string): string {
  return body.replace(/\+?\d{7,15}/g, '[phone number]');
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined;
}

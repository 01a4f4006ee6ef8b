import { Channel } from '../database/entities/channel-account.entity';

/**
 * The lookup-hash input for a person's channel id, exactly as case intake builds it
 * (`${channel}:user:${senderExternalId}`). WhatsApp sends phone numbers as digits only
 * ('31612345678'), so a leading '+', spaces, dashes, dots and brackets typed by a person are
 * dropped; other channels' ids (PSIDs, URNs) are only trimmed.
 */
export function subjectLookupKey(channel: Channel, externalId: string): string {
  const id =
    channel === 'whatsapp'
      ? externalId
          .trim()
          .replace(/[\s\-().]/g, '')
          .replace(/^\+/, '')
      : externalId.trim();
  return `${channel}:user:${id}`;
}

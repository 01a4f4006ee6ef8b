import { aad, Channel, KeyRing, subjectLookupKey } from '@webcare/platform';

/** A webhook event still waiting to be filed, with its sealed payload. */
export interface WaitingEventRow {
  id: string;
  channel_account_id: string;
  external_hash: Buffer;
  payload_enc: Buffer;
}

/**
 * Erasure also covers what a person sent that is not filed yet: webhook events still waiting in
 * `inbound_events` with their sealed payload. Their sender is inside the sealed payload, so the
 * channel's waiting events are opened and compared (normally a handful: events are filed within
 * milliseconds). Returns the ids of the person's events.
 */
export function queuedPayloadsOf(
  keyRing: Pick<KeyRing, 'openStaging'>,
  waiting: WaitingEventRow[],
  channel: Channel,
  externalId: string,
): string[] {
  const subject = subjectLookupKey(channel, externalId);
  return waiting
    .filter((row) => {
      try {
        const event = JSON.parse(
          keyRing.openStaging(row.payload_enc, aad.stagedEvent(row.channel_account_id, row.external_hash)),
        ) as { senderExternalId?: unknown };
        return (
          typeof event.senderExternalId === 'string' &&
          subjectLookupKey(channel, event.senderExternalId) === subject
        );
      } catch {
        return false; // an unreadable payload is left to the worker, which reports it by id
      }
    })
    .map((row) => row.id);
}

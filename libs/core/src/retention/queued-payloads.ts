import { EntityManager } from 'typeorm';
import { KeyRing } from '../crypto/key-ring.service';
import { aad } from '../crypto/row-binding';
import { Channel } from '../database/entities/channel-account.entity';
import { subjectLookupKey } from './subject';

/**
 * Erasure also covers what a person sent that is not filed yet: webhook events still waiting in
 * `inbound_events` with their sealed payload. Their sender is inside the sealed payload, so the
 * channel's waiting events are opened and compared (normally a handful: events are filed within
 * milliseconds). Locks are taken in intake's order (events, then contacts), and an event a worker
 * is filing right now is waited for: once filed it is a contact and case, which the erasure finds.
 * Returns how many waiting events were deleted.
 */
export async function deleteQueuedPayloads(
  manager: EntityManager,
  keyRing: KeyRing,
  channel: Channel,
  externalId: string,
): Promise<number> {
  const subject = subjectLookupKey(channel, externalId);
  const waiting: { id: string; channel_account_id: string; external_hash: Buffer; payload_enc: Buffer }[] =
    await manager.query(
      `SELECT e.id, e.channel_account_id, e.external_hash, e.payload_enc FROM inbound_events e JOIN channel_accounts a ON a.id = e.channel_account_id
      WHERE a.channel = $1 AND e.processed_at IS NULL AND e.payload_enc IS NOT NULL
      ORDER BY e.id FOR UPDATE OF e`,
      [channel],
    );
  const theirs = waiting
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
  if (!theirs.length) return 0;
  await manager.query(`DELETE FROM inbound_events WHERE id = ANY($1::bigint[])`, [theirs]);
  return theirs.length;
}

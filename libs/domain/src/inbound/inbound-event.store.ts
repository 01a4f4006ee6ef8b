import { DataSource } from 'typeorm';
import { aad, JobName, KeyRing, preparedQuery } from '@webcare/platform';

/** The parts of a normalized channel event that identify it; the whole event is sealed as payload. */
export interface StorableEvent {
  kind: 'message' | 'status' | 'comment_change';
  channel: string;
  externalId: string;
  status?: string;
  /** Set when the platform's delivery id differs from the message id (LinkedIn notificationId, comment edits). */
  dedupeKey?: string;
}

/** Platform retries repeat the same message id; statuses are distinct per (message, status). */
export function inboundEventKey(
  event: Pick<StorableEvent, 'kind' | 'channel' | 'externalId' | 'status'>,
): string {
  return event.kind === 'message'
    ? `${event.channel}:msg:${event.externalId}`
    : `${event.channel}:status:${event.externalId}:${event.status}`;
}

/**
 * Stores events durably (sealed, unique per account + external id, so duplicates collapse) and
 * returns the ids of the new ones. The stored, unprocessed event is itself the record of work to
 * do: the webhook path enqueues the ids straight after the commit, and the worker's recovery
 * sweep re-enqueues any event still unprocessed later (Redis down, a lost job). Callers without
 * a queue at hand (the demo seed) ask for outbox rows, which the relay moves to the queue.
 */
export async function storeInboundEvents(
  dataSource: DataSource,
  keyRing: KeyRing,
  rows: { accountId: string; event: StorableEvent }[],
  opts: { outbox: boolean },
): Promise<string[]> {
  if (!rows.length) return [];
  // One statement is one implicit transaction and one round trip, prepared once per connection.
  const hashes = rows.map((r) => keyRing.lookupHash(r.event.dedupeKey ?? inboundEventKey(r.event)));
  const runner = dataSource.createQueryRunner();
  const stored = await preparedQuery<{ id: string }>(
    runner.manager,
    opts.outbox ? 'inbound-store-outbox' : 'inbound-store',
    `WITH ins AS (
       INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc)
       SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::text[], $4::bytea[])
       ON CONFLICT (channel_account_id, external_hash) DO NOTHING
       RETURNING id
     ), jobs AS (
       INSERT INTO outbox (job_name, payload)
       SELECT $5, jsonb_build_object('inboundEventIds', jsonb_agg(id::text ORDER BY id)) FROM ins
        WHERE $6 HAVING count(*) > 0
     )
     SELECT id::text AS id FROM ins ORDER BY ins.id`,
    [
      rows.map((r) => r.accountId),
      hashes,
      rows.map((r) => r.event.kind),
      rows.map((r, i) =>
        keyRing.sealStaging(JSON.stringify(r.event), aad.stagedEvent(r.accountId, hashes[i])),
      ),
      JobName.ProcessInboundEvent,
      opts.outbox,
    ],
  ).finally(() => runner.release());
  return stored.map((r) => r.id);
}

import { Injectable } from '@nestjs/common';
import { preparedQuery } from '@webcare/platform';
import { EntityManager } from 'typeorm';

export interface ClaimedEventRow {
  id: string;
  channel_account_id: string;
  external_hash: Buffer;
  payload_enc: Buffer;
}

/** The stored webhook events the worker files. */
@Injectable()
export class InboundEventRepository {
  /**
   * Claims the events (lock, mark processed, drop the sealed payloads) and hands back the payloads
   * in one statement, in id order. Events another job holds are skipped: that job files them, or
   * the recovery sweep brings them back if it fails. The commit need not wait for the disk: the
   * webhook's own commit made the events durable, and a lost commit only means they re-run.
   */
  async claim(manager: EntityManager, ids: string[]): Promise<ClaimedEventRow[]> {
    const rows = await preparedQuery<ClaimedEventRow>(
      manager,
      'inbound-claim',
      `WITH cfg AS (SELECT set_config('synchronous_commit', 'off', true)),
            old AS (SELECT id, payload_enc FROM inbound_events
                     WHERE id = ANY($1::bigint[]) AND processed_at IS NULL AND payload_enc IS NOT NULL
                     ORDER BY id FOR UPDATE SKIP LOCKED)
       UPDATE inbound_events e SET processed_at = now(), payload_enc = NULL
         FROM old, cfg WHERE e.id = old.id
       RETURNING e.id, e.channel_account_id, e.external_hash, old.payload_enc`,
      [ids],
    );
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }
}

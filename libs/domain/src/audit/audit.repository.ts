import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditEventView } from './audit-event.dto';
import { ChainRow, ChainVersion } from './audit-chain';

/** Arbitrary constant: appends to the one audit chain are serialized by this transaction lock. */
const AUDIT_CHAIN_LOCK = 5_318_008;
/** Rows fetched per round trip while verifying: memory stays flat however long the chain grows. */
const VERIFY_FETCH = 2000;

/** One event with its place in the chain, as appended. */
export interface ChainedEvent {
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail?: string | null;
  prevHash: string;
  hash: string;
}

export type AuditListRow = Omit<AuditEventView, 'at'> & { at: Date };

/** The audit_events table and its head row; appends only (the database refuses updates and deletes). */
@Injectable()
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes appends until the caller's transaction ends. */
  async lockChain(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
  }

  async head(m: EntityManager): Promise<string | null> {
    const [head]: { hash: string }[] = await m.query(`SELECT hash FROM audit_head WHERE id = 1`);
    return head?.hash ?? null;
  }

  async setHead(m: EntityManager, hash: string): Promise<void> {
    await m.query(
      `INSERT INTO audit_head (id, hash) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash`,
      [hash],
    );
  }

  async append(m: EntityManager, at: Date, e: ChainedEvent, version: ChainVersion): Promise<void> {
    await m.query(
      `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, detail, prev_hash, hash, chain_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [at, e.actorId, e.action, e.objectType, e.objectId, e.detail ?? null, e.prevHash, e.hash, version],
    );
  }

  /** Several events in one round trip, in the given order. */
  async appendMany(m: EntityManager, at: Date, rows: ChainedEvent[], version: ChainVersion): Promise<void> {
    await m.query(
      `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, detail, prev_hash, hash, chain_version)
       SELECT $1, actor_id, action, object_type, object_id, detail, prev_hash, hash, $9 FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $8::text[], $6::text[], $7::text[]) WITH ORDINALITY
        AS t(actor_id, action, object_type, object_id, detail, prev_hash, hash, n) ORDER BY n`,
      [
        at,
        rows.map((r) => r.actorId),
        rows.map((r) => r.action),
        rows.map((r) => r.objectType),
        rows.map((r) => r.objectId),
        rows.map((r) => r.prevHash),
        rows.map((r) => r.hash),
        rows.map((r) => r.detail ?? null),
        version,
      ],
    );
  }

  async lastChainVersion(m: EntityManager): Promise<number | null> {
    const [last]: { chainVersion: number }[] = await m.query(
      `SELECT chain_version AS "chainVersion" FROM audit_events ORDER BY id DESC LIMIT 1`,
    );
    return last?.chainVersion ?? null;
  }

  /** Newest first, from before the cursor id; `limit` rows at most. */
  page(limit: number, beforeId?: string): Promise<AuditListRow[]> {
    return this.dataSource.query(
      `SELECT id::text, at, actor_id AS "actorId", action, object_type AS "objectType", object_id AS "objectId", detail, hash
         FROM audit_events WHERE ($1::bigint IS NULL OR id < $1) ORDER BY audit_events.id DESC LIMIT $2`,
      [beforeId ?? null, limit],
    );
  }

  /** Count and head read together, in one snapshot. */
  countAndHead(): Promise<{ events: number; head: string | null }> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [row]: { events: number; head: string | null }[] = await m.query(
        `SELECT (SELECT count(*)::int FROM audit_events) AS events, (SELECT hash FROM audit_head WHERE id = 1) AS head`,
      );
      return row;
    });
  }

  /**
   * Hands the whole chain, oldest first, to `each` through a cursor in one consistent snapshot, and
   * returns the head as of that snapshot.
   */
  async stream(each: (row: ChainRow) => void): Promise<string | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      await runner.query(
        `DECLARE audit_chain NO SCROLL CURSOR FOR
           SELECT id::text, at, actor_id AS "actorId", action, object_type AS "objectType", object_id AS "objectId",
                  detail, prev_hash AS "prevHash", hash, chain_version AS "chainVersion"
             FROM audit_events ORDER BY audit_events.id`,
      );
      for (;;) {
        const rows: ChainRow[] = await runner.query(`FETCH ${VERIFY_FETCH} FROM audit_chain`);
        for (const row of rows) each(row);
        if (rows.length < VERIFY_FETCH) break;
      }
      const [head]: { hash: string }[] = await runner.query(`SELECT hash FROM audit_head WHERE id = 1`);
      await runner.query('COMMIT');
      return head?.hash ?? null;
    } catch (err) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}

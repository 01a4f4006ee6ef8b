import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from './audit-actions';
import { chainHash, GENESIS_HASH, verifyChain, VerifyResult } from './audit-chain';

/** Arbitrary constant: appends to the one audit chain are serialized by this transaction lock. */
const AUDIT_CHAIN_LOCK = 5_318_008;

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  /** Role names and the like; never content or identifiers. */
  detail?: string | null;
}

export interface AuditEventView {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail: string | null;
  hash: string;
}

@Injectable()
export class AuditService {
  constructor(private readonly dataSource: DataSource) {}

  /** Appends inside the caller's transaction, so the event exists exactly when the action happened. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
    const [head]: { hash: string }[] = await manager.query(`SELECT hash FROM audit_head WHERE id = 1`);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const at = new Date();
    const hash = chainHash(prevHash, { at, ...entry });
    await manager.query(
      `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, detail, prev_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        at,
        entry.actorId,
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.detail ?? null,
        prevHash,
        hash,
      ],
    );
    await manager.query(
      `INSERT INTO audit_head (id, hash) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash`,
      [hash],
    );
  }

  /** Appends several events in one round trip (bulk deletions); same chain, same lock as record(). */
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
    const [head]: { hash: string }[] = await manager.query(`SELECT hash FROM audit_head WHERE id = 1`);
    let prevHash = head?.hash ?? GENESIS_HASH;
    const at = new Date();
    const rows = entries.map((entry) => {
      const hash = chainHash(prevHash, { at, ...entry });
      const row = { ...entry, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await manager.query(
      `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, detail, prev_hash, hash)
       SELECT $1, actor_id, action, object_type, object_id, detail, prev_hash, hash FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $8::text[], $6::text[], $7::text[]) WITH ORDINALITY
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
      ],
    );
    await manager.query(
      `INSERT INTO audit_head (id, hash) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash`,
      [prevHash],
    );
  }

  async recordNow(entry: AuditEntry): Promise<void> {
    await this.dataSource.transaction((m) => this.record(m, entry));
  }

  async list(
    limit: number,
    beforeId?: string,
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const rows: (AuditEventView & { at: Date })[] = await this.dataSource.query(
      `SELECT id::text, at, actor_id AS "actorId", action, object_type AS "objectType", object_id AS "objectId", detail, hash
         FROM audit_events WHERE ($1::bigint IS NULL OR id < $1) ORDER BY audit_events.id DESC LIMIT $2`,
      [beforeId ?? null, limit + 1],
    );
    const page = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async verify(): Promise<VerifyResult> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const rows: {
        id: string;
        at: Date;
        actorId: string | null;
        action: string;
        objectType: string;
        objectId: string | null;
        detail: string | null;
        prevHash: string;
        hash: string;
      }[] = await m.query(
        `SELECT id::text, at, actor_id AS "actorId", action, object_type AS "objectType", object_id AS "objectId", detail,
                  prev_hash AS "prevHash", hash FROM audit_events ORDER BY audit_events.id`,
      );
      const [head]: { hash: string }[] = await m.query(`SELECT hash FROM audit_head WHERE id = 1`);
      return verifyChain(rows, head?.hash ?? GENESIS_HASH);
    });
  }
}

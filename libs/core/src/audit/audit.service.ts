import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { deriveKey } from '../crypto/envelope';
import { AuditAction } from './audit-actions';
import {
  AuditCheckpoint,
  ChainRow,
  ChainVerifier,
  checkpointSignatureValid,
  CURRENT_CHAIN_VERSION,
  GENESIS_HASH,
  keyedChainHash,
  signCheckpoint,
  VerifyResult,
} from './audit-chain';

/** Arbitrary constant: appends to the one audit chain are serialized by this transaction lock. */
const AUDIT_CHAIN_LOCK = 5_318_008;
/** Rows fetched per round trip while verifying: memory stays flat however long the chain grows. */
const VERIFY_FETCH = 2000;

export type CheckpointVerifyResult = VerifyResult & {
  /** Whether the chain, at the checkpoint's count, still ends on the checkpoint's head. */
  checkpoint: 'matches' | 'mismatch';
};

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
  private readonly chainKey: Buffer;
  private readonly checkpointKey: Buffer;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.chainKey = deriveKey(config.dataKey, 'audit-chain');
    this.checkpointKey = deriveKey(config.dataKey, 'audit-checkpoint');
  }

  /** Appends inside the caller's transaction, so the event exists exactly when the action happened. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
    const [head]: { hash: string }[] = await manager.query(`SELECT hash FROM audit_head WHERE id = 1`);
    const prevHash = head?.hash ?? GENESIS_HASH;
    const at = new Date();
    const hash = keyedChainHash(this.chainKey, prevHash, { at, ...entry });
    await manager.query(
      `INSERT INTO audit_events (at, actor_id, action, object_type, object_id, detail, prev_hash, hash, chain_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        at,
        entry.actorId,
        entry.action,
        entry.objectType,
        entry.objectId,
        entry.detail ?? null,
        prevHash,
        hash,
        CURRENT_CHAIN_VERSION,
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
      const hash = keyedChainHash(this.chainKey, prevHash, { at, ...entry });
      const row = { ...entry, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await manager.query(
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
        CURRENT_CHAIN_VERSION,
      ],
    );
    await manager.query(
      `INSERT INTO audit_head (id, hash) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET hash = EXCLUDED.hash`,
      [prevHash],
    );
  }

  /**
   * An install whose chain ends on an unkeyed (pre-upgrade) row gets one keyed event now: its HMAC
   * covers the last unkeyed hash, sealing the older part. Idempotent; safe when instances race.
   */
  async sealLegacyChain(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK]);
      const [last]: { chainVersion: number }[] = await m.query(
        `SELECT chain_version AS "chainVersion" FROM audit_events ORDER BY id DESC LIMIT 1`,
      );
      if (!last || last.chainVersion === CURRENT_CHAIN_VERSION) return false;
      await this.record(m, {
        actorId: null,
        action: AuditAction.AuditChainKeyed,
        objectType: 'audit',
        objectId: null,
      });
      return true;
    });
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

  /** Recomputes the whole chain, streaming it through a cursor in one consistent snapshot. */
  async verify(): Promise<VerifyResult> {
    const { result } = await this.stream(new ChainVerifier(this.chainKey));
    return result;
  }

  /** The current count and head, signed, to keep outside the system. */
  async checkpoint(): Promise<AuditCheckpoint> {
    return this.dataSource.transaction('REPEATABLE READ', async (m) => {
      const [row]: { events: number; head: string | null }[] = await m.query(
        `SELECT (SELECT count(*)::int FROM audit_events) AS events, (SELECT hash FROM audit_head WHERE id = 1) AS head`,
      );
      return signCheckpoint(this.checkpointKey, {
        events: row.events,
        head: row.head ?? GENESIS_HASH,
        at: new Date().toISOString(),
      });
    });
  }

  checkpointSignatureValid(checkpoint: AuditCheckpoint): boolean {
    return checkpointSignatureValid(this.checkpointKey, checkpoint);
  }

  /** Verifies the chain and that it still passes through the checkpoint's head at its count. */
  async verifyAgainst(checkpoint: AuditCheckpoint): Promise<CheckpointVerifyResult> {
    const verifier = new ChainVerifier(this.chainKey);
    verifier.watch(checkpoint.events);
    const { result } = await this.stream(verifier);
    const reached =
      checkpoint.events === 0
        ? GENESIS_HASH
        : result.valid
          ? verifier.hashAfter(checkpoint.events)
          : undefined;
    const matches = reached === checkpoint.head;
    return { ...result, valid: result.valid && matches, checkpoint: matches ? 'matches' : 'mismatch' };
  }

  private async stream(verifier: ChainVerifier): Promise<{ result: VerifyResult }> {
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
        for (const row of rows) verifier.push(row);
        if (rows.length < VERIFY_FETCH) break;
      }
      const [head]: { hash: string }[] = await runner.query(`SELECT hash FROM audit_head WHERE id = 1`);
      await runner.query('COMMIT');
      return { result: verifier.finish(head?.hash ?? GENESIS_HASH) };
    } catch (err) {
      await runner.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      await runner.release();
    }
  }
}

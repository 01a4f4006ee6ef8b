import { Inject, Injectable, Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { KeyRing } from '../crypto/key-ring.service';
import { Channel } from '../database/entities/channel-account.entity';
import { queryReturning } from '../database/query-returning';
import { RealtimeEmitter } from '../realtime/realtime-emitter.service';
import { teamRoom } from '../realtime/socket-events';
import { REDIS } from '../redis/redis.module';
import { deleteQueuedPayloads } from './queued-payloads';
import { DeletionReason, RECEIPT_KEEP_PERIOD } from './retention-policy';
import { subjectLookupKey } from './subject';

/** Arbitrary constant: only one process vacuums the swept tables at a time. */
const VACUUM_LOCK = 6_021_417;
/**
 * Arbitrary constant: one sweep batch runs at a time across all workers. Sweepers take turns (one
 * deletes while the others rest), so a backlog keeps one core busy at most and the rest of the
 * machine stays free for webhooks and agents.
 */
const SWEEP_BATCH_LOCK = 6_021_418;

/** Meta retries an undelivered webhook for up to 7 days; until then an event's row dedupes retries. */
const SETTLED_EVENT_KEEP = 'P7D';
const PURGE_BATCH = 5000;

/** Every table a case deletion touches, in receipt order; each receipt lists all of them. */
export const DELETION_TABLES = [
  'data_keys',
  'messages',
  'inbound_events',
  'pseudonyms',
  'consents',
  'escalations',
  'case_notes',
  'legal_holds',
  'cases',
  'contacts',
] as const;
export type DeletionTable = (typeof DELETION_TABLES)[number];
export type DeletionCounts = Record<DeletionTable, number>;

/** Tables that hold case content or case-linked rows; vacuumed after a sweep that deleted rows. */
const VACUUM_TABLES = [
  'messages',
  'pseudonyms',
  'consents',
  'escalations',
  'case_notes',
  'legal_holds',
  'cases',
  'contacts',
  'inbound_events',
  'deletion_receipts',
];

/** A locked case about to be deleted. */
export interface CaseTarget {
  id: string;
  teamId: string;
  contactId: string;
  dataKeyId: string;
  reason: DeletionReason;
  /** The retention period that applied (ISO-8601), or null for erasure. */
  policy: string | null;
}

export interface DeletedCase {
  caseId: string;
  teamId: string;
  receiptId: string;
  reason: DeletionReason;
  counts: DeletionCounts;
}

export interface SweepResult {
  sweepId: string;
  deleted: number;
  messages: number;
  byReason: Record<DeletionReason, number>;
  expiredReceipts: number;
  /** Processed webhook events that never became a message (statuses, ignored kinds), now gone. */
  purgedEvents: number;
  failed: number;
}

/** Selects due cases; `$1` = limit, `$2` = ids to leave alone, `$3` = only these ids (or null). */
const SELECT_DUE = `
  SELECT c.id, c.team_id, c.contact_id, c.data_key_id,
         CASE WHEN c.retain_until IS NOT NULL THEN 'retention' ELSE 'unanswered' END AS reason,
         CASE
           WHEN c.retain_until IS NULL THEN p.max_unanswered_age
           WHEN c.retention_period IS NULL OR c.answered_at IS NULL THEN COALESCE(a.retention_period, p.period)
           WHEN c.answered_at + c.retention_period::interval
                <= c.answered_at + COALESCE(a.retention_period, p.period)::interval THEN c.retention_period
           ELSE COALESCE(a.retention_period, p.period)
         END AS policy
    FROM cases c
    JOIN contacts ct ON ct.id = c.contact_id
    JOIN channel_accounts a ON a.id = c.channel_account_id
    JOIN retention_policies p ON p.channel = c.channel
   WHERE (
           -- answered: the communicated date, or earlier if the current policy is shorter now
           (c.retain_until IS NOT NULL
             AND LEAST(c.retain_until, c.answered_at + COALESCE(a.retention_period, p.period)::interval) <= now())
           -- never answered: older than the maximum age
        OR (c.retain_until IS NULL AND c.answered_at IS NULL
             AND c.first_inbound_at + p.max_unanswered_age::interval <= now())
           -- answered once, reopened by a new question (clock stopped) and then left unanswered
        OR (c.retain_until IS NULL AND c.answered_at IS NOT NULL
             AND c.last_message_at + p.max_unanswered_age::interval <= now())
         )
     AND NOT EXISTS (
           SELECT 1 FROM legal_holds h
            WHERE h.case_id = c.id AND h.released_at IS NULL AND (h.expires_at IS NULL OR h.expires_at > now()))
     AND NOT (c.id = ANY($2::uuid[]))
     AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[]))
   LIMIT $1
   FOR UPDATE OF c, ct SKIP LOCKED`;

/** The given cases that are under an active legal hold. */
async function heldCaseIds(manager: EntityManager, caseIds: string[]): Promise<Set<string>> {
  if (!caseIds.length) return new Set();
  const rows: { case_id: string }[] = await manager.query(
    `SELECT DISTINCT case_id FROM legal_holds
      WHERE case_id = ANY($1::uuid[]) AND released_at IS NULL AND (expires_at IS NULL OR expires_at > now())`,
    [caseIds],
  );
  return new Set(rows.map((r) => r.case_id));
}

interface DueRow {
  id: string;
  team_id: string;
  contact_id: string;
  data_key_id: string;
  reason: DeletionReason;
  policy: string;
}

function emptyCounts(): DeletionCounts {
  return Object.fromEntries(DELETION_TABLES.map((t) => [t, 0])) as DeletionCounts;
}

/**
 * Deletes cases whose retention ran out (and, on request, all cases of one person). Shared by the
 * worker's scheduled job and the API's "sweep now" and erasure endpoints, so they run one code path.
 *
 * Each batch is one transaction over whole cases: a crash leaves every case either fully present or
 * fully gone with its receipt, and the next run picks up the rest. Rows are claimed with
 * `FOR UPDATE … SKIP LOCKED` (cases and their contacts), so concurrent sweepers never touch the
 * same case, and `deletion_receipts.case_ref` is unique, so a case can never get two receipts.
 */
@Injectable()
export class RetentionSweeper {
  private readonly logger = new Logger(RetentionSweeper.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Runs batches until nothing due is left (or everything left is locked by another sweeper). */
  async sweep(opts: { sweepId?: string; batchSize?: number } = {}): Promise<SweepResult> {
    const sweepId = opts.sweepId ?? randomUUID();
    // Batches big enough for set-based deletes, small enough to keep locks and CPU bursts short.
    const batchSize = opts.batchSize ?? this.config.retentionBatchSize;
    const result: SweepResult = {
      sweepId,
      deleted: 0,
      messages: 0,
      byReason: { retention: 0, unanswered: 0, erasure: 0 },
      expiredReceipts: 0,
      purgedEvents: 0,
      failed: 0,
    };
    const skip: string[] = [];
    const swept: string[] = [];
    for (;;) {
      let deleted: DeletedCase[];
      let selected: string[] = [];
      const batchStarted = Date.now();
      try {
        ({ deleted, selected } = await this.dataSource.transaction((m) =>
          this.sweepBatch(m, sweepId, batchSize, skip, null),
        ));
      } catch (err) {
        // One bad case must not stall the rest: redo that batch case by case and skip failures.
        this.logger.warn(
          { err: { message: (err as Error).message } },
          'retention batch failed; retrying per case',
        );
        deleted = [];
        const ids = await this.dueIds(batchSize, skip);
        for (const id of ids) {
          try {
            const one = await this.dataSource.transaction((m) => this.sweepBatch(m, sweepId, 1, skip, [id]));
            deleted.push(...one.deleted);
          } catch (e) {
            skip.push(id);
            result.failed++;
            this.logger.error(
              { err: { message: (e as Error).message } },
              'retention could not delete a case',
            );
          }
        }
        selected = ids;
      }
      await this.afterCommit(deleted, { scan: false });
      swept.push(...deleted.map((d) => d.caseId));
      result.deleted += deleted.length;
      for (const d of deleted) {
        result.byReason[d.reason]++;
        result.messages += d.counts.messages;
      }
      if (!selected.length || (!deleted.length && selected.every((id) => skip.includes(id)))) break;
      // Resting in proportion to the batch leaves webhooks and agents their share of CPU and WAL
      // bandwidth on a small machine while a large backlog is deleted.
      await new Promise((r) => setTimeout(r, (Date.now() - batchStarted) * this.config.retentionRestRatio));
    }
    await this.removeRedisTraces(swept, { scan: true, known: false });
    result.expiredReceipts = await this.expireReceipts();
    result.purgedEvents = await this.purgeSettledEvents();
    if (result.deleted || result.expiredReceipts || result.purgedEvents) {
      this.logger.log(
        {
          sweepId,
          deleted: result.deleted,
          byReason: result.byReason,
          messages: result.messages,
          expiredReceipts: result.expiredReceipts,
          purgedEvents: result.purgedEvents,
        },
        'retention sweep done',
      );
    }
    return result;
  }

  private async dueIds(limit: number, skip: string[]): Promise<string[]> {
    return this.dataSource.transaction(async (m) =>
      ((await m.query(SELECT_DUE, [limit, skip, null])) as DueRow[]).map((r) => r.id),
    );
  }

  private async sweepBatch(
    manager: EntityManager,
    sweepId: string,
    limit: number,
    skip: string[],
    only: string[] | null,
  ): Promise<{ deleted: DeletedCase[]; selected: string[] }> {
    await manager.query(`SELECT pg_advisory_xact_lock($1)`, [SWEEP_BATCH_LOCK]);
    const due: DueRow[] = await manager.query(SELECT_DUE, [limit, skip, only]);
    if (!due.length) return { deleted: [], selected: [] };
    // A hold placed after this statement's snapshot was taken but before we locked the case would be
    // missed by the NOT EXISTS above. Placing a hold locks the case row, which we now hold, so this
    // fresh look is final.
    const held = await heldCaseIds(
      manager,
      due.map((d) => d.id),
    );
    const targets: CaseTarget[] = due
      .filter((d) => !held.has(d.id))
      .map((d) => ({
        id: d.id,
        teamId: d.team_id,
        contactId: d.contact_id,
        dataKeyId: d.data_key_id,
        reason: d.reason,
        policy: d.policy,
      }));
    const deleted = await this.deleteCases(manager, targets, { sweepId, actorId: null });
    return { deleted, selected: due.map((d) => d.id) };
  }

  /**
   * Deletes locked cases inside the caller's transaction: shreds each case key first, then every
   * row that belongs to the case, the contact (and its key) when no other case refers to it; writes
   * one receipt and one audit event per case. Call afterCommit() with the result once committed.
   */
  async deleteCases(
    manager: EntityManager,
    targets: CaseTarget[],
    ctx: { sweepId: string | null; actorId: string | null },
  ): Promise<DeletedCase[]> {
    if (!targets.length) return [];
    const ids = targets.map((t) => t.id);
    const counts = new Map(targets.map((t) => [t.id, emptyCounts()]));
    const add = (caseId: string, table: DeletionTable, n: number) => {
      const c = counts.get(caseId);
      if (c) c[table] += Number(n);
    };

    // 1. The shred: without its key, every copy of the case's ciphertext (backups included) is noise.
    // The keys live in the key store and their deletion commits at once, before the rows go: a
    // crash in between leaves due rows nobody can read, which the next sweep deletes.
    const keyOwner = new Map(targets.map((t) => [t.dataKeyId, t.id]));
    for (const id of await this.keyRing.shredDataKeys([...keyOwner.keys()])) {
      add(keyOwner.get(id)!, 'data_keys', 1);
    }

    // 2. Everything that hangs off the case, in one statement; inbound_events go with their messages.
    const children: { t: DeletionTable; case_id: string; n: number }[] = await manager.query(
      `WITH m AS (DELETE FROM messages WHERE case_id = ANY($1::uuid[])
                   RETURNING case_id, channel_account_id, external_hash),
            e AS (DELETE FROM inbound_events ie USING m
                   WHERE m.external_hash IS NOT NULL
                     AND ie.channel_account_id = m.channel_account_id AND ie.external_hash = m.external_hash
                   RETURNING m.case_id),
            p AS (DELETE FROM pseudonyms WHERE case_id = ANY($1::uuid[]) RETURNING case_id),
            co AS (DELETE FROM consents WHERE case_id = ANY($1::uuid[]) RETURNING case_id),
            es AS (DELETE FROM escalations WHERE case_id = ANY($1::uuid[]) RETURNING case_id),
            n AS (DELETE FROM case_notes WHERE case_id = ANY($1::uuid[]) RETURNING case_id),
            h AS (DELETE FROM legal_holds WHERE case_id = ANY($1::uuid[]) RETURNING case_id)
       SELECT 'messages' AS t, case_id, count(*)::int AS n FROM m GROUP BY case_id
       UNION ALL SELECT 'inbound_events', case_id, count(*)::int FROM e GROUP BY case_id
       UNION ALL SELECT 'pseudonyms', case_id, count(*)::int FROM p GROUP BY case_id
       UNION ALL SELECT 'consents', case_id, count(*)::int FROM co GROUP BY case_id
       UNION ALL SELECT 'escalations', case_id, count(*)::int FROM es GROUP BY case_id
       UNION ALL SELECT 'case_notes', case_id, count(*)::int FROM n GROUP BY case_id
       UNION ALL SELECT 'legal_holds', case_id, count(*)::int FROM h GROUP BY case_id`,
      [ids],
    );
    for (const r of children) add(r.case_id, r.t, r.n);

    // 3. The cases themselves (anything another feature hangs off a case with ON DELETE CASCADE goes too).
    const cases = await queryReturning<{ id: string }>(
      manager,
      `DELETE FROM cases WHERE id = ANY($1::uuid[]) RETURNING id`,
      [ids],
    );
    for (const c of cases) add(c.id, 'cases', 1);

    // 4. Contacts no other case refers to, with their keys (shredding the stored id and name).
    const contactCase = new Map<string, string>();
    for (const t of targets) if (!contactCase.has(t.contactId)) contactCase.set(t.contactId, t.id);
    const contacts = await this.deleteOrphanContacts(manager, [...contactCase.keys()]);
    for (const c of contacts) {
      add(contactCase.get(c.id)!, 'contacts', 1);
      add(contactCase.get(c.id)!, 'data_keys', c.keyDeleted ? 1 : 0);
    }

    // 5. Receipts (no personal data; case_ref is a keyed hash, unique) and one audit event each.
    const deletedIds = new Set(cases.map((c) => c.id));
    const done = targets.filter((t) => deletedIds.has(t.id));
    if (!done.length) return [];
    const refs = done.map((t) => this.caseRef(t.id));
    const receipts: { id: string; case_ref: string }[] = await manager.query(
      `INSERT INTO deletion_receipts (case_ref, reason, policy, counts, sweep_id, keep_until)
       SELECT ref, reason, policy, counts, $5::uuid, now() + $6::interval
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS t(ref, reason, policy, counts)
       ON CONFLICT (case_ref) DO NOTHING
       RETURNING id, case_ref`,
      [
        refs,
        done.map((t) => t.reason),
        done.map((t) => t.policy),
        done.map((t) => JSON.stringify(counts.get(t.id))),
        ctx.sweepId,
        RECEIPT_KEEP_PERIOD,
      ],
    );
    const receiptByRef = new Map(receipts.map((r) => [r.case_ref, r.id]));
    // The audit event names the receipt, not the case: the trail proves each deletion without
    // becoming a lookup table from (non-personal, but linkable) case ids to receipts.
    await this.audit.recordMany(
      manager,
      receipts.map((r) => ({
        actorId: ctx.actorId,
        action: AuditAction.CaseDeleted,
        objectType: 'deletion_receipt',
        objectId: r.id,
      })),
    );
    return done.flatMap((t, i) => {
      const receiptId = receiptByRef.get(refs[i]);
      return receiptId
        ? [{ caseId: t.id, teamId: t.teamId, receiptId, reason: t.reason, counts: counts.get(t.id)! }]
        : [];
    });
  }

  /** Deletes those of the given (locked) contacts that no case refers to any more, keys first. */
  async deleteOrphanContacts(
    manager: EntityManager,
    contactIds: string[],
  ): Promise<{ id: string; keyDeleted: boolean }[]> {
    if (!contactIds.length) return [];
    const orphans: { id: string; data_key_id: string }[] = await manager.query(
      `SELECT ct.id, ct.data_key_id FROM contacts ct
        WHERE ct.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.contact_id = ct.id)`,
      [contactIds],
    );
    if (!orphans.length) return [];
    const shredded = new Set(await this.keyRing.shredDataKeys(orphans.map((o) => o.data_key_id)));
    const gone = await queryReturning<{ id: string; data_key_id: string }>(
      manager,
      `DELETE FROM contacts WHERE id = ANY($1::uuid[]) RETURNING id, data_key_id`,
      [orphans.map((o) => o.id)],
    );
    return gone.map((r) => ({ id: r.id, keyDeleted: shredded.has(r.data_key_id) }));
  }

  /**
   * Outside the transaction: drop Redis keys that name a deleted case, tell the team's clients.
   * A sweep looks for the unknown keys once at its end (`scan: false` here), not after every batch.
   */
  async afterCommit(deleted: DeletedCase[], opts: { scan: boolean } = { scan: true }): Promise<void> {
    if (!deleted.length) return;
    await this.removeRedisTraces(
      deleted.map((d) => d.caseId),
      { scan: opts.scan, known: true },
    );
    for (const d of deleted) {
      this.realtime.emit([teamRoom(d.teamId)], 'case.updated', {
        caseId: d.caseId,
        status: 'deleted',
        assigneeId: null,
      });
    }
  }

  /**
   * Keys that name a case follow `${prefix}:…case:<id>…` (e.g. `${prefix}:presence:case:<id>`).
   * The well-known ones are unlinked directly; one SCAN over `*case:*` catches the rest.
   */
  private async removeRedisTraces(caseIds: string[], what: { scan: boolean; known: boolean }): Promise<void> {
    if (!caseIds.length) return;
    const prefix = this.config.redisPrefix;
    try {
      if (what.known) {
        const known = caseIds.flatMap((id) => [`${prefix}:presence:case:${id}`, `${prefix}:case:${id}`]);
        for (let i = 0; i < known.length; i += 1000) await this.redis.unlink(...known.slice(i, i + 1000));
      }
      if (!what.scan) return;
      const wanted = new Set(caseIds);
      let cursor = '0';
      do {
        const [next, keys] = await this.redis.scan(cursor, 'MATCH', `${prefix}:*case:*`, 'COUNT', 1000);
        cursor = next;
        const hit = keys.filter((k) => {
          const m = /case:([0-9a-f-]{36})/i.exec(k);
          return m !== null && wanted.has(m[1].toLowerCase());
        });
        if (hit.length) await this.redis.unlink(...hit);
      } while (cursor !== '0');
    } catch (err) {
      this.logger.warn(
        { err: { message: (err as Error).message } },
        'could not remove Redis keys of deleted cases',
      );
    }
  }

  /** Receipts are proof for a limited time; past keep_until they go too. */
  /**
   * Webhook events that were processed without becoming a message (delivery statuses, kinds we do
   * not file) are kept only as long as the platform may still retry them (their row is what makes a
   * retry a duplicate), then deleted in batches. Events behind a message go with that message.
   */
  async purgeSettledEvents(): Promise<number> {
    let purged = 0;
    for (;;) {
      const rows = await queryReturning<{ id: string }>(
        this.dataSource.manager,
        `DELETE FROM inbound_events WHERE id IN (
           SELECT e.id FROM inbound_events e
            WHERE e.processed_at IS NOT NULL AND e.processed_at < now() - $1::interval
              AND NOT EXISTS (SELECT 1 FROM messages m
                               WHERE m.channel_account_id = e.channel_account_id AND m.external_hash = e.external_hash)
            LIMIT $2)
         RETURNING id`,
        [SETTLED_EVENT_KEEP, PURGE_BATCH],
      );
      purged += rows.length;
      if (rows.length < PURGE_BATCH) return purged;
    }
  }

  async expireReceipts(): Promise<number> {
    const rows = await queryReturning<{ id: string }>(
      this.dataSource.manager,
      `DELETE FROM deletion_receipts WHERE keep_until <= now() RETURNING id`,
      [],
    );
    return rows.length;
  }

  /**
   * Deleted rows linger as dead tuples until vacuumed (never visible to SQL or pg_dump, but still
   * on disk pages). VACUUM makes their space reusable right away instead of waiting for autovacuum.
   * It cannot run in a transaction; only one process vacuums at a time (others skip).
   */
  async vacuum(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query(
        `SELECT pg_try_advisory_lock($1) AS locked`,
        [VACUUM_LOCK],
      );
      if (!locked) return false;
      try {
        await runner.query(`VACUUM (ANALYZE) ${VACUUM_TABLES.join(', ')}`);
        return true;
      } finally {
        await runner.query(`SELECT pg_advisory_unlock($1)`, [VACUUM_LOCK]);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Erasure on request: every case of the person on this channel (across channel accounts) goes
   * now, through the same deletion path, except cases under an active legal hold; then the contact.
   */
  /** `request` names the request in the audit trail: the person's keyed reference and a request id. */
  async eraseSubject(
    channel: Channel,
    externalId: string,
    actorId: string,
    request: { subjectRef: string; requestId: string },
  ): Promise<{ deleted: number; held: number; queued: number }> {
    const hash = this.keyRing.lookupHash(subjectLookupKey(channel, externalId));
    const { deleted, held, queued } = await this.dataSource.transaction(async (manager) => {
      // Waiting webhook events first (intake's lock order): what the person sent but is not filed yet.
      const queued = await deleteQueuedPayloads(manager, this.keyRing, channel, externalId);
      // Same lock order as case intake (contact, then its cases), so the two cannot deadlock.
      const contacts: { id: string }[] = await manager.query(
        `SELECT id FROM contacts WHERE channel = $1 AND external_hash = $2 ORDER BY id FOR UPDATE`,
        [channel, hash],
      );
      const contactIds = contacts.map((c) => c.id);
      const cases: { id: string; team_id: string; contact_id: string; data_key_id: string }[] =
        contactIds.length
          ? await manager.query(
              `SELECT id, team_id, contact_id, data_key_id FROM cases WHERE contact_id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
              [contactIds],
            )
          : [];
      const heldIds = await heldCaseIds(
        manager,
        cases.map((c) => c.id),
      );
      const targets: CaseTarget[] = cases
        .filter((c) => !heldIds.has(c.id))
        .map((c) => ({
          id: c.id,
          teamId: c.team_id,
          contactId: c.contact_id,
          dataKeyId: c.data_key_id,
          reason: 'erasure' as const,
          policy: null,
        }));
      const done = await this.deleteCases(manager, targets, { sweepId: null, actorId });
      // Contacts without any case (all swept earlier, or never got one) go as well.
      await this.deleteOrphanContacts(manager, contactIds);
      await this.audit.record(manager, {
        actorId,
        action: AuditAction.SubjectErased,
        objectType: 'subject',
        objectId: request.subjectRef,
        detail: `request:${request.requestId}`,
      });
      return { deleted: done, held: heldIds.size, queued };
    });
    await this.afterCommit(deleted);
    return { deleted: deleted.length, held, queued };
  }

  /** Hex keyed hash of the case id: confirms a known case was deleted, reveals nothing else. */
  caseRef(caseId: string): string {
    return this.keyRing.lookupHash(caseId).toString('hex');
  }
}

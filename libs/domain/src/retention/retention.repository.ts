import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { queryReturning } from '@webcare/platform';
import { activeHoldSql } from './active-legal-hold';
import { DeletionCounts, DeletionTable } from './case-deletion';
import { DeletionReason } from './retention-policy';

/**
 * Arbitrary constant: one sweep batch runs at a time across all workers. Sweepers take turns (one
 * deletes while the others rest), so a backlog keeps one core busy at most and the rest of the
 * machine stays free for webhooks and agents.
 */
const SWEEP_BATCH_LOCK = 6_021_418;

export interface DueCaseRow {
  id: string;
  team_id: string;
  contact_id: string;
  data_key_id: string;
  reason: DeletionReason;
  policy: string;
}

/** Rows deleted from one table for one case. */
export interface CaseRowCount {
  t: DeletionTable;
  case_id: string;
  n: number;
}

export interface ContactKeyRow {
  id: string;
  data_key_id: string;
}

export interface ReceiptRow {
  id: string;
  case_ref: string;
}

export interface NewReceipt {
  caseRef: string;
  reason: DeletionReason;
  policy: string | null;
  counts: DeletionCounts;
}

export interface PeriodSourcesRow {
  channel_default: string;
  account_override: string | null;
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
     AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = c.id AND ${activeHoldSql('h')})
     AND NOT (c.id = ANY($2::uuid[]))
     AND ($3::uuid[] IS NULL OR c.id = ANY($3::uuid[]))
   LIMIT $1
   FOR UPDATE OF c, ct SKIP LOCKED`;

/** Everything that hangs off the given cases, in one statement; inbound_events go with their messages. */
const DELETE_CASE_ROWS = `
  WITH m AS (DELETE FROM messages WHERE case_id = ANY($1::uuid[])
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
  UNION ALL SELECT 'legal_holds', case_id, count(*)::int FROM h GROUP BY case_id`;

/** The SQL of retention: which cases are due, and deleting cases, contacts and receipts. */
@Injectable()
export class RetentionRepository {
  /** Waits for this batch's turn; released when the transaction ends. */
  async takeBatchTurn(m: EntityManager): Promise<void> {
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [SWEEP_BATCH_LOCK]);
  }

  /** Claims due cases (and their contacts) that no other sweeper holds. */
  async lockDue(
    m: EntityManager,
    limit: number,
    skip: string[],
    only: string[] | null,
  ): Promise<DueCaseRow[]> {
    return m.query(SELECT_DUE, [limit, skip, only]);
  }

  /** The given cases that are under an active legal hold. */
  async heldCaseIds(m: EntityManager, caseIds: string[]): Promise<Set<string>> {
    if (!caseIds.length) return new Set();
    const rows: { case_id: string }[] = await m.query(
      `SELECT DISTINCT case_id FROM legal_holds h WHERE case_id = ANY($1::uuid[]) AND ${activeHoldSql('h')}`,
      [caseIds],
    );
    return new Set(rows.map((r) => r.case_id));
  }

  async deleteCaseRows(m: EntityManager, caseIds: string[]): Promise<CaseRowCount[]> {
    return m.query(DELETE_CASE_ROWS, [caseIds]);
  }

  /** Anything another feature hangs off a case with ON DELETE CASCADE goes too. */
  async deleteCases(m: EntityManager, caseIds: string[]): Promise<string[]> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `DELETE FROM cases WHERE id = ANY($1::uuid[]) RETURNING id`,
      [caseIds],
    );
    return rows.map((r) => r.id);
  }

  /** Those of the given contacts that no case refers to any more. */
  async orphanContacts(m: EntityManager, contactIds: string[]): Promise<ContactKeyRow[]> {
    return m.query(
      `SELECT ct.id, ct.data_key_id FROM contacts ct
        WHERE ct.id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.contact_id = ct.id)`,
      [contactIds],
    );
  }

  async deleteContacts(m: EntityManager, contactIds: string[]): Promise<ContactKeyRow[]> {
    return queryReturning<ContactKeyRow>(
      m,
      `DELETE FROM contacts WHERE id = ANY($1::uuid[]) RETURNING id, data_key_id`,
      [contactIds],
    );
  }

  /** One receipt per case; a case that already has one (case_ref is unique) gets none. */
  async insertReceipts(
    m: EntityManager,
    receipts: NewReceipt[],
    sweepId: string | null,
    keepFor: string,
  ): Promise<ReceiptRow[]> {
    return m.query(
      `INSERT INTO deletion_receipts (case_ref, reason, policy, counts, sweep_id, keep_until)
       SELECT ref, reason, policy, counts, $5::uuid, now() + $6::interval
         FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[]) AS t(ref, reason, policy, counts)
       ON CONFLICT (case_ref) DO NOTHING
       RETURNING id, case_ref`,
      [
        receipts.map((r) => r.caseRef),
        receipts.map((r) => r.reason),
        receipts.map((r) => r.policy),
        receipts.map((r) => JSON.stringify(r.counts)),
        sweepId,
        keepFor,
      ],
    );
  }

  /** Deletes up to `limit` processed events older than `keep` that no message refers to. */
  async purgeSettledEvents(m: EntityManager, keep: string, limit: number): Promise<number> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `DELETE FROM inbound_events WHERE id IN (
         SELECT e.id FROM inbound_events e
          WHERE e.processed_at IS NOT NULL AND e.processed_at < now() - $1::interval
            AND NOT EXISTS (SELECT 1 FROM messages m
                             WHERE m.channel_account_id = e.channel_account_id AND m.external_hash = e.external_hash)
          LIMIT $2)
       RETURNING id`,
      [keep, limit],
    );
    return rows.length;
  }

  async expireReceipts(m: EntityManager): Promise<number> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `DELETE FROM deletion_receipts WHERE keep_until <= now() RETURNING id`,
      [],
    );
    return rows.length;
  }

  /** A session-level lock (not a transaction's): true if taken. */
  async tryLock(m: EntityManager, key: number): Promise<boolean> {
    const [{ locked }]: { locked: boolean }[] = await m.query(`SELECT pg_try_advisory_lock($1) AS locked`, [
      key,
    ]);
    return locked;
  }

  async unlock(m: EntityManager, key: number): Promise<void> {
    await m.query(`SELECT pg_advisory_unlock($1)`, [key]);
  }

  /** Cannot run inside a transaction. */
  async vacuum(m: EntityManager, tables: readonly string[]): Promise<void> {
    await m.query(`VACUUM (ANALYZE) ${tables.join(', ')}`);
  }

  /** A channel account's own retention period and its channel's default. */
  async periodSources(m: EntityManager, channelAccountId: string): Promise<PeriodSourcesRow | undefined> {
    const [row]: PeriodSourcesRow[] = await m.query(
      `SELECT p.period AS channel_default, a.retention_period AS account_override
         FROM channel_accounts a JOIN retention_policies p ON p.channel = a.channel
        WHERE a.id = $1`,
      [channelAccountId],
    );
    return row;
  }
}

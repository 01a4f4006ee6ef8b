import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { api } from '../support/api-client';
import { AppProcess, startWorker, waitFor } from '../support/processes';
import { AUDIT_CHAIN_LOCK, retentionHarness } from '../support/retention-e2e';

jest.setTimeout(180_000);

/**
 * Retention, end to end (set-up in test/support/retention-e2e.ts). Sweeps racing each other, and a
 * worker killed mid-sweep: whole cases or nothing, one receipt each.
 */
describe('retention and data-subject rights', () => {
  const h = retentionHarness();
  const { prefix, env, sweep, receiptsFor, bulkDueCases } = h;
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let keysDb: Client;
  let officer: string;
  beforeAll(() => {
    ({ apiApp, worker, db, keysDb, officer } = h);
  });

  it('never writes two receipts when sweeps run at the same time', async () => {
    const marker = `race${randomBytes(4).toString('hex')}`;
    const ids = await bulkDueCases(1500, 3, marker);
    const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue('retention', { connection, prefix });
    try {
      const [a, b] = await Promise.all([
        sweep(),
        sweep(),
        queue.add('retention.sweep', { sweepId: randomUUID() }),
      ]);
      expect(a + b).toBeLessThanOrEqual(1500);
      await waitFor(
        async () => (await db.query(`SELECT 1 FROM cases WHERE id = ANY($1)`, [ids])).rowCount === 0,
        60_000,
      );
      const receipts = await receiptsFor(ids);
      expect(receipts).toHaveLength(1500);
      expect(new Set(receipts.map((r) => r.case_ref)).size).toBe(1500);
      expect(
        Number(
          (await db.query(`SELECT count(*) AS n FROM messages WHERE text_pseudo LIKE $1`, [`${marker}%`]))
            .rows[0].n,
        ),
      ).toBe(0);
      const audited = await db.query(
        `SELECT count(*) AS n FROM audit_events a JOIN deletion_receipts r ON r.id::text = a.object_id
          WHERE a.action = 'case.deleted' AND r.case_ref = ANY($1)`,
        [receipts.map((r) => r.case_ref)],
      );
      expect(Number(audited.rows[0].n)).toBe(1500);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const verify = await api<{ valid: boolean }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });

  it('leaves whole cases or nothing when the worker is killed mid-sweep, and the next run finishes', async () => {
    const marker = `kill${randomBytes(4).toString('hex')}`;
    const perCase = 4;
    const ids = await bulkDueCases(4000, perCase, marker);
    const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue('retention', { connection, prefix });
    const blocker = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await blocker.connect();
    try {
      const sweepId = randomUUID();
      const receiptsOfSweep = async () =>
        Number(
          (await db.query(`SELECT count(*) AS n FROM deletion_receipts WHERE sweep_id = $1`, [sweepId]))
            .rows[0].n,
        );
      let stalledPid: number | null = null;
      const stalled = () =>
        waitFor(async () => {
          const { rows } = await db.query(
            `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
            [AUDIT_CHAIN_LOCK],
          );
          stalledPid = rows[0]?.pid ?? null;
          return stalledPid !== null;
        }, 30_000);
      // Holding the audit-chain lock stalls a batch inside its transaction, after its deletes and just
      // before its receipts are audited. Let the first batch through, then stall the second and kill
      // the worker there: one batch committed, one half-done in an open transaction.
      await blocker.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHAIN_LOCK]);
      await queue.add('retention.sweep', { sweepId });
      await stalled();
      await blocker.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHAIN_LOCK]);
      await blocker.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHAIN_LOCK]); // granted once batch 1 committed
      expect(await receiptsOfSweep()).toBeGreaterThan(0);
      await stalled();
      await worker.kill('SIGKILL');
      await blocker.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHAIN_LOCK]);
      // The orphaned backend notices its client is gone and rolls back.
      await waitFor(
        async () =>
          (await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stalledPid])).rowCount === 0,
        30_000,
      );

      const committed = await receiptsOfSweep();
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(ids.length);
      // Every case is either whole (row and all messages) or gone with exactly one receipt. Keys live
      // in the key store and are shredded before the rows go, so the killed batch's cases (one batch
      // at most) are whole but unreadable until the next sweep deletes them.
      const state = await db.query(
        `SELECT c.id, c.id IS NOT NULL AS present, c.data_key_id,
                (SELECT count(*) FROM messages m WHERE m.case_id = c.id)::int AS messages
           FROM unnest($1::uuid[]) AS x(id) LEFT JOIN cases c ON c.id = x.id`,
        [ids],
      );
      const present = state.rows.filter((r) => r.present);
      for (const r of present) expect(r.messages).toBe(perCase);
      const keyed = new Set(
        (
          await keysDb.query(`SELECT id FROM data_keys WHERE id = ANY($1::uuid[])`, [
            present.map((r) => r.data_key_id),
          ])
        ).rows.map((r) => r.id),
      );
      expect(present.filter((r) => !keyed.has(r.data_key_id)).length).toBeLessThanOrEqual(250);
      expect((await receiptsFor(ids)).length).toBe(ids.length - present.length);
      expect(present.length).toBeGreaterThan(0);

      worker = h.worker = await startWorker(env);
      await waitFor(async () => {
        if ((await db.query(`SELECT 1 FROM cases WHERE id = ANY($1) LIMIT 1`, [ids])).rowCount === 0)
          return true;
        await queue.add('retention.sweep', { sweepId: randomUUID() });
        await new Promise((r) => setTimeout(r, 500));
        return false;
      }, 90_000);
      const receipts = await receiptsFor(ids);
      expect(receipts).toHaveLength(ids.length);
      expect(new Set(receipts.map((r) => r.case_ref)).size).toBe(ids.length);
      expect(
        Number(
          (await db.query(`SELECT count(*) AS n FROM messages WHERE text_pseudo LIKE $1`, [`${marker}%`]))
            .rows[0].n,
        ),
      ).toBe(0);
      // The worker keeps one schedule for the sweep.
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, Number(s.every)])).toEqual([['retention-sweep', 3_600_000]]);
    } finally {
      await blocker.end();
      await queue.close();
      connection.disconnect();
    }
    const verify = await api<{ valid: boolean }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });
});

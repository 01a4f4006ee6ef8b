/**
 * Retention sweep under load: how fast the sweep deletes, and what it does to webhook ingest.
 *
 * A fresh database gets BENCH_CASES due cases (answered, retain_until passed) with
 * BENCH_MESSAGES_PER_CASE messages each (default 100,000 × 10 = 1,000,000), plus a contact, two
 * data keys and a vault entry per case, bulk-inserted with generate_series (bytea that looks like
 * AES-GCM output: random-ish bytes of realistic length). One api and BENCH_WORKERS worker processes
 * (default 2) run as in production (LOG_LEVEL=warn).
 *
 * Per run: webhook ingest at BENCH_INGEST_RATE (100/s) for BENCH_IDLE_S (10 s) gives the idle p99;
 * then one sweep job per worker is enqueued (the workers' SKIP LOCKED loops share the cases) while
 * ingest keeps going at the same rate; the sweep time is enqueue → last bench case gone (receipts
 * written), the vacuum that follows is timed separately. Results: messages deleted per second and
 * ingest p99 during the sweep vs idle. BENCH_RUNS (default 3) runs, each on freshly inserted data;
 * the reported value is the median. BENCH_RETENTION_BATCH_SIZE / BENCH_RETENTION_REST_RATIO override
 * the sweeper's RETENTION_BATCH_SIZE / RETENTION_REST_RATIO.
 */
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { envNumber as num, writeResults } from './support/results';
import { defaultKeysDatabaseUrl } from '../libs/platform/src/config/app-config';
import {
  nowMs,
  openLoop,
  SenderPool,
  OpenLoopResult,
  percentile,
  printTable,
  sortedCopy,
} from './support/load';
import { AppProcess, sleep, waitFor } from '../test/support/processes';
import { benchEnv, startBenchApi, spawnBenchWorker } from './support/bench-apps';
import { dutchText, senderPool, signedTextWebhook, waMessageId } from './support/whatsapp';

import { runBench } from './support/bench-run';
const CASES = num('BENCH_CASES', 100_000);
const PER_CASE = num('BENCH_MESSAGES_PER_CASE', 10);
const WORKERS = num('BENCH_WORKERS', 2);
const RUNS = num('BENCH_RUNS', 3);
const INGEST_RATE = num('BENCH_INGEST_RATE', 100);
const IDLE_MS = num('BENCH_IDLE_S', 10) * 1000;
const TARGET = { deletedPerS: 20_000, p99Ratio: 2 };

interface RunResult {
  setupMs: number;
  sweepMs: number;
  vacuumMs: number;
  deletedPerS: number;
  casesPerS: number;
  idleP99: number;
  sweepP99: number;
  idleP50: number;
  sweepP50: number;
  ingestErrors: number;
}

/** Inserts the due cases in a handful of set-based statements; FK triggers off for the bulk load only. */
async function insertDueCases(
  db: Client,
  keysUrl: string,
  accountId: string,
  teamId: string,
  run: number,
): Promise<void> {
  const p = `r${run}-`;
  // The data keys live in the key store, a database of their own beside the main one.
  const keys = new Client({ connectionString: keysUrl });
  await keys.connect();
  try {
    await keys.query(
      `INSERT INTO data_keys (id, wrapped)
       SELECT md5($1 || 'k' || i)::uuid, sha256(($1 || i)::bytea) || sha256(($1 || 'x' || i)::bytea)
         FROM generate_series(1, $2::int * 2) i`,
      [p, CASES],
    );
    await keys.query(`VACUUM (ANALYZE) data_keys`);
  } finally {
    await keys.end();
  }
  await db.query(`SET session_replication_role = replica`);
  try {
    await db.query(
      `INSERT INTO contacts (id, channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       SELECT md5($1 || 'c' || i)::uuid, 'whatsapp', $3, sha256(($1 || 'h' || i)::bytea), md5($1 || 'k' || ($2::int + i))::uuid,
              substr(sha256(($1 || 'e' || i)::bytea) || sha256(($1 || 'f' || i)::bytea), 1, 39),
              substr(sha256(($1 || 'n' || i)::bytea) || sha256(($1 || 'm' || i)::bytea), 1, 41)
         FROM generate_series(1, $2) i`,
      [p, CASES, accountId],
    );
    await db.query(
      `INSERT INTO cases (id, channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at,
                          last_message_at, answered_at, retention_period, notice_version, retain_until)
       SELECT md5($1 || 's' || i)::uuid, 'whatsapp', $3, md5($1 || 'c' || i)::uuid, $4, 'answered', md5($1 || 'k' || i)::uuid,
              now() - interval '40 days', now() - interval '31 days', now() - interval '31 days', 'P30D', 'v1',
              now() - interval '1 day'
         FROM generate_series(1, $2) i`,
      [p, CASES, accountId, teamId],
    );
    await db.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, text_enc, text_pseudo, entities, sent_at)
       SELECT md5($1 || 's' || (g / $3::int + 1))::uuid, $4, CASE WHEN g % $3::int = $3::int - 1 THEN 'out' ELSE 'in' END,
              sha256(($1 || 'w' || g)::bytea),
              sha256(($1 || 'a' || g)::bytea) || sha256(($1 || 'b' || g)::bytea) || sha256(($1 || 'c' || g)::bytea),
              'Hoi, wanneer is de open dag voor HBO-ICT? Groetjes, [PERSON_1]', '[{"type":"PERSON","start":46,"end":57}]',
              now() - interval '35 days'
         FROM generate_series(0, $2::int * $3::int - 1) g`,
      [p, CASES, PER_CASE, accountId],
    );
    await db.query(
      `INSERT INTO pseudonyms (case_id, token, entity_type, value_enc)
       SELECT md5($1 || 's' || i)::uuid, '[PERSON_1]', 'PERSON', sha256(($1 || 'v' || i)::bytea) || sha256(($1 || 'u' || i)::bytea)
         FROM generate_series(1, $2) i`,
      [p, CASES],
    );
  } finally {
    await db.query(`SET session_replication_role = DEFAULT`);
  }
  await db.query(`VACUUM (ANALYZE) contacts, cases, messages, pseudonyms`);
}

runBench({ scratch: 'retention', bench: 'retention' }, async (bench) => {
  const { redisUrl, dbName, dbUrl, redisPrefix } = bench;
  const env = {
    ...benchEnv(bench, { workerConcurrency: 4 }),
    // The bench enqueues sweeps itself; the schedule only fires once at start (nothing due then).
    RETENTION_SWEEP_EVERY: 'PT1H',
    // Unset: the product defaults.
    ...(process.env.BENCH_RETENTION_BATCH_SIZE
      ? { RETENTION_BATCH_SIZE: process.env.BENCH_RETENTION_BATCH_SIZE }
      : {}),
    ...(process.env.BENCH_RETENTION_REST_RATIO
      ? { RETENTION_REST_RATIO: process.env.BENCH_RETENTION_REST_RATIO }
      : {}),
  };
  const apps: AppProcess[] = [];
  const api = bench.app(await startBenchApi(env));
  apps.push(api);
  for (let i = 0; i < WORKERS; i++) apps.push(bench.app(spawnBenchWorker(env)));
  const port = Number(new URL(api.url).port);
  const db = new Client({ connectionString: dbUrl.toString() });
  await db.connect();
  bench.onCleanup(() => db.end());
  const [{ id: accountId, team_id: teamId }] = (
    await db.query(`SELECT id, team_id FROM channel_accounts WHERE channel = 'whatsapp'`)
  ).rows;
  const queueConn = new Redis(redisUrl, { maxRetriesPerRequest: null });
  bench.onCleanup(() => queueConn.disconnect());
  const queue = new Queue('retention', { connection: queueConn, prefix: redisPrefix });
  bench.onCleanup(() => queue.close());

  const senders = senderPool(2000);
  let seq = 0;
  const build = () => {
    const s = senders[Math.floor(Math.random() * senders.length)];
    const id = waMessageId(seq++);
    return { ...signedTextWebhook({ ...s, id, text: dutchText() }), id };
  };
  const sender = new SenderPool(port, 256);
  const ingest = (durationMs: number, shouldStop?: () => boolean): Promise<OpenLoopResult> =>
    openLoop({
      path: '/webhooks/whatsapp',
      rate: INGEST_RATE,
      durationMs,
      pool: sender,
      build,
      onSend: () => undefined,
      shouldStop: () => bench.stopping || (shouldStop?.() ?? false),
    });
  // Warm the api and the workers (first webhook stored and processed).
  await ingest(2000);
  await waitFor(
    async () => Number((await db.query(`SELECT count(*) AS n FROM messages`)).rows[0].n) > 0,
    30_000,
  );

  const results: RunResult[] = [];
  process.stdout.write(
    `retention bench: ${CASES} cases × ${PER_CASE} messages, ${WORKERS} workers, ingest ${INGEST_RATE}/s, ${RUNS} run(s)\n`,
  );
  for (let run = 1; run <= RUNS && !bench.stopping; run++) {
    const t0 = Date.now();
    await insertDueCases(db, defaultKeysDatabaseUrl(dbUrl.toString()), accountId, teamId, run);
    const setupMs = Date.now() - t0;
    const due = Number(
      (await db.query(`SELECT count(*) AS n FROM cases WHERE retain_until < now()`)).rows[0].n,
    );
    const dueMessages = Number(
      (
        await db.query(
          `SELECT count(*) AS n FROM messages m JOIN cases c ON c.id = m.case_id WHERE c.retain_until < now()`,
        )
      ).rows[0].n,
    );
    process.stdout.write(
      `  run ${run}: inserted ${due} due cases / ${dueMessages} messages in ${(setupMs / 1000).toFixed(1)} s\n`,
    );

    const idle = await ingest(IDLE_MS);

    const receipts0 = Number((await db.query(`SELECT count(*) AS n FROM deletion_receipts`)).rows[0].n);
    const sweepStart = nowMs();
    for (let i = 0; i < WORKERS; i++) await queue.add('retention.sweep', { sweepId: randomUUID() });
    let sweepEnd = 0;
    const watcher = (async () => {
      for (;;) {
        const n =
          Number((await db.query(`SELECT count(*) AS n FROM deletion_receipts`)).rows[0].n) - receipts0;
        if (n >= due) {
          sweepEnd = nowMs();
          return;
        }
        if (bench.stopping || apps.some((a) => !a.alive)) throw new Error('a process died during the sweep');
        await sleep(100);
      }
    })();
    const during = await ingest(30 * 60_000, () => sweepEnd > 0);
    await watcher;
    const sweepMs = sweepEnd - sweepStart;
    // The worker that finished last vacuums; wait for it.
    const v0 = nowMs();
    await sleep(200);
    await waitFor(
      async () =>
        (
          await db.query(
            `SELECT 1 FROM pg_stat_activity WHERE datname = $1 AND query ILIKE 'VACUUM (ANALYZE)%' AND state = 'active'`,
            [dbName],
          )
        ).rowCount === 0,
      10 * 60_000,
    );
    const vacuumMs = nowMs() - v0;
    const idleLat = sortedCopy(idle.latencies);
    const sweepLat = sortedCopy(during.latencies);
    const r: RunResult = {
      setupMs,
      sweepMs,
      vacuumMs,
      deletedPerS: (dueMessages * 1000) / sweepMs,
      casesPerS: (due * 1000) / sweepMs,
      idleP50: percentile(idleLat, 50),
      idleP99: percentile(idleLat, 99),
      sweepP50: percentile(sweepLat, 50),
      sweepP99: percentile(sweepLat, 99),
      ingestErrors: idle.errors + during.errors,
    };
    results.push(r);
    process.stdout.write(
      `  run ${run}: swept in ${(sweepMs / 1000).toFixed(1)} s → ${r.deletedPerS.toFixed(0)} messages/s (${r.casesPerS.toFixed(0)} cases/s), ` +
        `vacuum ${(vacuumMs / 1000).toFixed(1)} s; webhook p99 idle ${r.idleP99.toFixed(1)} ms, during sweep ${r.sweepP99.toFixed(1)} ms ` +
        `(${during.sent} webhooks during the sweep, ${r.ingestErrors} errors)\n`,
    );
    const left = Number(
      (await db.query(`SELECT count(*) AS n FROM cases WHERE retain_until < now()`)).rows[0].n,
    );
    if (left) throw new Error(`${left} due cases left after the sweep`);
  }

  const med = (f: (r: RunResult) => number) => {
    const xs = results.map(f).sort((a, b) => a - b);
    return xs[Math.floor(xs.length / 2)];
  };
  const rows = [
    {
      metric: 'messages deleted per second (median)',
      value: med((r) => r.deletedPerS),
      unit: 'msg/s',
      target: `>= ${TARGET.deletedPerS}`,
    },
    {
      metric: 'cases deleted per second (median)',
      value: med((r) => r.casesPerS),
      unit: 'cases/s',
      target: null,
    },
    { metric: 'sweep time (median)', value: med((r) => r.sweepMs) / 1000, unit: 's', target: null },
    {
      metric: 'vacuum after sweep (median)',
      value: med((r) => r.vacuumMs) / 1000,
      unit: 's',
      target: null,
    },
    {
      metric: `webhook p99 idle @${INGEST_RATE}/s (median)`,
      value: med((r) => r.idleP99),
      unit: 'ms',
      target: null,
    },
    {
      metric: `webhook p99 during sweep @${INGEST_RATE}/s (median)`,
      value: med((r) => r.sweepP99),
      unit: 'ms',
      target: `<= 2× idle`,
    },
    {
      metric: 'webhook p99 ratio sweep/idle (median)',
      value: med((r) => r.sweepP99 / r.idleP99),
      unit: '×',
      target: `<= ${TARGET.p99Ratio}`,
    },
    {
      metric: 'bulk insert of the due data (median)',
      value: med((r) => r.setupMs) / 1000,
      unit: 's',
      target: null,
    },
  ].map((r) => ({ ...r, value: Number(r.value.toFixed(2)) }));
  process.stdout.write('\n');
  printTable([
    ['metric', 'value', 'unit', 'target'],
    ...rows.map((r) => [r.metric, r.value, r.unit, r.target ?? '']),
  ]);
  writeResults('retention', {
    rows,
    config: {
      cases: CASES,
      messagesPerCase: PER_CASE,
      workers: WORKERS,
      runs: RUNS,
      ingestRate: INGEST_RATE,
    },
    runs: results,
  });
  sender.close();
});

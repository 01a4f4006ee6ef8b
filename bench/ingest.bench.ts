/**
 * WhatsApp ingest under sustained load: signed webhooks → API (verify, seal, store + outbox) →
 * BullMQ → worker (contact, case, anonymize, encrypt, message) → socket.io `message.created`.
 *
 * One api and one worker run as child processes on a fresh database and a unique Redis prefix,
 * exactly as in production (LOG_LEVEL=warn). An agent of team Admissions listens on socket.io.
 * Webhooks (one text message each, from a pool of a few thousand senders, realistic Dutch text,
 * often with a name / phone number / e-mail) are fired open-loop at fixed rates: a warm-up, then
 * one stage per rate. Between stages the pipeline drains, so stages do not leak into each other.
 *
 * What is measured, per stage:
 *  - webhook response time: client-side, request written → response read, over keep-alive.
 *  - processed msg/s: `message.created` socket events received per second in the steady part of
 *    the stage (first 2 s skipped while the pipeline fills). When the worker keeps up this equals
 *    the offered rate; when it cannot, it is the worker's capacity. The headline throughput row is
 *    the best steady rate over all stages.
 *  - end-to-end latency, webhook sent → `message.created` received, for every message. The event
 *    carries only { caseId, messageId, direction }, but messages.external_hash is
 *    HMAC(HKDF(DATA_KEY,'lookup'), 'whatsapp:msg:<wamid>') and the bench chooses DATA_KEY. So the
 *    bench records send time per wamid and receive time per messageId, and after the run one query
 *    (id, external_hash) joins the two exactly: no probes, no sampling, no reliance on ordering.
 *    The same join against inbound_events.received_at / messages.created_at (transaction start
 *    times in the api and the worker) splits the latency into its legs for diagnosis.
 *
 * Env knobs: BENCH_RATES (default "500,1000,1500"), BENCH_MAIN_RATE (1000: the stage the latency
 * targets apply to), BENCH_STAGE_S (30), BENCH_WARMUP_S (5), BENCH_SENDERS (3000),
 * BENCH_WORKER_CONCURRENCY (2), BENCH_DRAIN_MAX_S (20), BENCH_API_NODE_ARGS /
 * BENCH_WORKER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof"), BENCH_KEEP_DB=1,
 * BENCH_MAX_SOCKETS (64: keep-alive connections the sender may open), BENCH_TIMELINE=1 (webhook
 * response times per slice of each stage; BENCH_TIMELINE_MS sets the slice, 1000 by default),
 * BENCH_CHANNEL_MIX ("whatsapp=1"; e.g. "whatsapp=0.6,facebook=0.3,linkedin=0.1" also sends Messenger
 * messages and LinkedIn comment notifications).
 */
import {
  cleanUpOnSignal,
  createDatabase,
  deleteRedisKeys,
  dropDatabase,
  scratchNames,
} from './support/scratch';
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { envNumber as num, writeResults } from './support/results';
import { runMigrations } from '../libs/platform/src/database/migrate';
import { openSocket, teamWithAgent } from '../test/support/api-client';
import { CpuSampler, CpuSnapshot } from './support/cpu';
import {
  nowMs,
  openLoop,
  SenderPool,
  OpenLoopResult,
  percentile,
  printTable,
  sortedCopy,
} from './support/load';
import { AppProcess, sleep } from '../test/support/processes';
import { benchEnv, startBenchApi, spawnBenchWorker } from './support/bench-apps';
import {
  channelMix,
  keyHasher,
  linkedInCommentUrn,
  messengerMid,
  signedLinkedInComment,
  signedMessengerText,
  socialBenchEnv,
} from './support/social';
import { dutchText, senderPool, signedTextWebhook, waMessageId } from './support/whatsapp';

const RATES = (process.env.BENCH_RATES ?? '500,1000,1500')
  .split(',')
  .map(Number)
  .filter((r) => r > 0);
const MAIN_RATE = num('BENCH_MAIN_RATE', 1000);
const STAGE_MS = num('BENCH_STAGE_S', 30) * 1000;
const WARMUP_MS = num('BENCH_WARMUP_S', 5) * 1000;
const WARMUP_RATE = num('BENCH_WARMUP_RATE', 200);
const SENDERS = num('BENCH_SENDERS', 3000);
const CONCURRENCY = num('BENCH_WORKER_CONCURRENCY', 2);
const DRAIN_MAX_MS = num('BENCH_DRAIN_MAX_S', 20) * 1000;
const FILL_SKIP_MS = 2000;
/** Keep-alive connections the sender may open, like a platform's delivery pool (requests beyond it queue). */
const MAX_SOCKETS = num('BENCH_MAX_SOCKETS', 64);
const TIMELINE = process.env.BENCH_TIMELINE === '1';
const TIMELINE_MS = num('BENCH_TIMELINE_MS', 1000);
const SETTLE_MS = 5000;
const MIX = channelMix(process.env.BENCH_CHANNEL_MIX ?? 'whatsapp=1');

const TARGET = { throughput: 1000, webhookP99: 50, e2eP99: 500 };

interface Stage {
  label: string;
  rate: number;
  load: OpenLoopResult;
  ids: string[];
  processedPerS: number;
  drained: boolean;
  drainMs: number;
  cpu: Record<string, number>;
}

interface Row {
  metric: string;
  value: number | null;
  unit: string;
  target: string | null;
}

interface Legs {
  e2e?: number;
  toStored: number;
  toWorker: number;
  toSocket?: number;
}

/**
 * Webhook response times per slice of the stage, beside the api's store leg and the worker's
 * filing rate in the same slice: shows whether a tail is a start-up transient or steady, and
 * which side it comes from.
 */
function printTimeline(st: Stage, sentAt: Map<string, number>, perWamid: Map<string, Legs>): void {
  const slice = (t: number) => Math.floor((t - st.load.startedAt) / TIMELINE_MS);
  const add = (m: Map<number, number[]>, s: number, v: number) => {
    const xs = m.get(s);
    if (xs) xs.push(v);
    else m.set(s, [v]);
  };
  const answered = new Map<number, number[]>();
  st.load.latencies.forEach((ms, i) => add(answered, slice(st.load.sendTimes[i]), ms));
  const stored = new Map<number, number[]>();
  const filed = new Map<number, number>();
  for (const id of st.ids) {
    const sent = sentAt.get(id);
    const m = perWamid.get(id);
    if (sent === undefined || !m) continue;
    add(stored, slice(sent), m.toStored);
    const f = slice(sent + m.toStored + m.toWorker);
    filed.set(f, (filed.get(f) ?? 0) + 1);
  }
  const rows: (string | number)[][] = [
    ['from s', 'answered', 'p50 ms', 'p99 ms', 'max ms', 'send→stored p99', 'filed by worker'],
  ];
  for (const [s, xs] of [...answered].sort((a, b) => a[0] - b[0])) {
    const sorted = sortedCopy(xs);
    rows.push([
      (s * TIMELINE_MS) / 1000,
      xs.length,
      percentile(sorted, 50),
      percentile(sorted, 99),
      sorted[sorted.length - 1],
      percentile(sortedCopy(stored.get(s) ?? []), 99),
      filed.get(s) ?? 0,
    ]);
  }
  printTable(rows);
}

/** Cumulative counters of one database (pg_stat_database), for per-message ratios. */
async function dbStats(url: string, name: string): Promise<Record<string, number>> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(
      `SELECT xact_commit, xact_rollback, tup_returned, tup_fetched, tup_inserted, tup_updated, tup_deleted,
              blks_hit, blks_read, deadlocks
         FROM pg_stat_database WHERE datname = $1`,
      [name],
    );
    return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Number(v)]));
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const { redisUrl, dbName, adminUrl, dbUrl, redisPrefix } = scratchNames('ingest');
  const dataKey = randomBytes(32).toString('base64');

  const apps: AppProcess[] = [];
  let db: Client | null = null;
  let dbCreated = false;
  const cleanup = async () => {
    for (const a of apps.reverse()) await a.kill().catch(() => undefined);
    await db?.end().catch(() => undefined);
    if (dbCreated && process.env.BENCH_KEEP_DB !== '1') await dropDatabase(adminUrl.toString(), dbName);
    await deleteRedisKeys(redisUrl, redisPrefix);
  };
  const signal = cleanUpOnSignal(cleanup);

  try {
    // ---------------------------------------------------------------- set-up
    await createDatabase(adminUrl.toString(), dbName);
    dbCreated = true;
    await runMigrations(dbUrl.toString());

    const env = benchEnv({
      databaseUrl: dbUrl.toString(),
      redisUrl,
      redisPrefix,
      dataKey,
      appSecret: randomBytes(32).toString('base64'),
      workerConcurrency: CONCURRENCY,
    });
    if (MIX.some((m) => m.channel !== 'whatsapp')) Object.assign(env, socialBenchEnv());
    const api = await startBenchApi(env);
    apps.push(api);
    const worker = spawnBenchWorker(env);
    apps.push(worker);
    const port = Number(new URL(api.url).port);

    const { token } = await teamWithAgent(api.url, 'Admissions');
    const socket = await openSocket(api.url, token);
    const received = new Map<string, number>(); // messageId → receive time
    const receiveTimes: number[] = [];
    let caseCreated = 0;
    socket.on('message.created', (p: { messageId: string }) => {
      const t = nowMs();
      received.set(p.messageId, t);
      receiveTimes.push(t);
    });
    socket.on('case.created', () => caseCreated++);
    socket.on('disconnect', (reason) => process.stderr.write(`socket disconnected: ${reason}\n`));

    const senders = senderPool(SENDERS);
    const posts = Array.from(
      { length: 20 },
      (_, i) => `urn:li:share:72640000000000${String(i).padStart(5, '0')}`,
    );
    const sentAt = new Map<string, number>(); // message key (`<channel>:msg:<id>`) → send time
    let seq = 0;
    const build = () => {
      const s = senders[Math.floor(Math.random() * senders.length)];
      const r = Math.random();
      const channel = MIX.find((m) => r < m.upTo)?.channel ?? MIX[MIX.length - 1].channel;
      const n = seq++;
      if (channel === 'facebook') {
        const mid = messengerMid(n);
        return {
          ...signedMessengerText({ psid: s.from, mid, text: dutchText() }),
          id: `facebook:msg:${mid}`,
        };
      }
      if (channel === 'linkedin') {
        const post = posts[Number(s.from) % posts.length];
        const commentUrn = linkedInCommentUrn(post, n);
        const delivery = signedLinkedInComment({
          person: `urn:li:person:b${s.from}`,
          commentUrn,
          post,
          text: dutchText(),
        });
        return { ...delivery, id: `linkedin:msg:${commentUrn}` };
      }
      const wamid = waMessageId(n);
      return { ...signedTextWebhook({ ...s, id: wamid, text: dutchText() }), id: `whatsapp:msg:${wamid}` };
    };
    const sender = new SenderPool(port, MAX_SOCKETS);
    const sampler = new CpuSampler({ api: api.child.pid, worker: worker.child.pid, bench: process.pid });

    // The worker logs nothing at LOG_LEVEL=warn: it is ready once a probe message comes back.
    {
      const probe = await openLoop({
        path: '/webhooks/whatsapp',
        rate: 1,
        durationMs: 1000,
        pool: sender,
        build,
        onSend: () => undefined,
      });
      if (probe.ok !== 1)
        throw new Error(`probe webhook failed: ${JSON.stringify(probe.statusCounts)}\n${api.output}`);
      const until = Date.now() + 30_000;
      while (received.size < 1) {
        if (!worker.alive) throw new Error(`worker exited:\n${worker.output}`);
        if (Date.now() > until)
          throw new Error(`worker did not process the probe in 30 s:\n${worker.output}`);
        await sleep(50);
      }
    }
    const stages: Stage[] = [];
    const expectedEvents = () => 1 + stages.reduce((s, st) => s + st.load.ok, 0);
    const drain = async (): Promise<{ drained: boolean; ms: number }> => {
      const t0 = Date.now();
      while (receiveTimes.length < expectedEvents()) {
        if (Date.now() - t0 > DRAIN_MAX_MS) return { drained: false, ms: Date.now() - t0 };
        await sleep(25);
      }
      return { drained: true, ms: Date.now() - t0 };
    };

    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    const runStage = async (label: string, rate: number, durationMs: number): Promise<Stage> => {
      const ids: string[] = [];
      // Signed bodies are built before the stage starts: the sender stands in for Meta's servers,
      // and its CPU spent building them would otherwise be taken from the api and worker it measures.
      const bodies = Array.from({ length: Math.round((rate * durationMs) / 1000) }, build);
      const cpu0: CpuSnapshot = sampler.snapshot();
      const load = await openLoop({
        path: '/webhooks/whatsapp',
        rate,
        durationMs,
        pool: sender,
        build: (i) => bodies[i],
        shouldStop: () => signal.stopping || !api.alive || !worker.alive,
        onSend: (id, at) => {
          sentAt.set(id, at);
          ids.push(id);
        },
      });
      const cpu = CpuSampler.usage(cpu0, sampler.snapshot());
      for (const a of [api, worker])
        if (!a.alive) throw new Error(`${a.name} died during ${label}: ${a.exitInfo}`);
      const from = load.startedAt + FILL_SKIP_MS;
      const to = load.startedAt + durationMs;
      let inWindow = 0;
      for (let i = receiveTimes.length - 1; i >= 0 && receiveTimes[i] >= from; i--)
        if (receiveTimes[i] < to) inWindow++;
      const stage: Stage = {
        label,
        rate,
        load,
        ids,
        processedPerS: (inWindow * 1000) / (to - from),
        drained: false,
        drainMs: 0,
        cpu,
      };
      stages.push(stage);
      const d = await drain();
      stage.drained = d.drained;
      stage.drainMs = d.ms;
      const lat = sortedCopy(load.latencies);
      process.stdout.write(
        `  ${label}: sent ${load.sent} (${load.errors} errors, ${load.slipped} late, ${load.shed} shed), webhook p50 ${percentile(lat, 50).toFixed(1)} ms p99 ${percentile(lat, 99).toFixed(1)} ms, ` +
          `processed ${stage.processedPerS.toFixed(0)}/s, ${d.drained ? `drained in ${d.ms} ms` : `NOT drained after ${d.ms} ms (${expectedEvents() - receiveTimes.length} behind)`}\n`,
      );
      return stage;
    };

    process.stdout.write(
      `ingest bench: rates ${RATES.join('/')} msg/s × ${STAGE_MS / 1000} s, worker concurrency ${CONCURRENCY}, ${SENDERS} senders, channels ${process.env.BENCH_CHANNEL_MIX ?? 'whatsapp=1'}\n`,
    );
    await runStage(`warm-up ${WARMUP_RATE}/s`, WARMUP_RATE, WARMUP_MS);
    loopDelay.enable();
    // The main rate runs first, on a drained pipeline, so its numbers never inherit a backlog;
    // the other rates follow in ascending order only while the pipeline keeps draining.
    const order = RATES.includes(MAIN_RATE)
      ? [MAIN_RATE, ...RATES.filter((r) => r !== MAIN_RATE).sort((a, b) => a - b)]
      : RATES;
    const pg0 = await dbStats(dbUrl.toString(), dbName);
    for (const rate of order) {
      if (signal.stopping) break;
      const st = await runStage(`${rate}/s`, rate, STAGE_MS);
      if (!st.drained) {
        const left = order.slice(order.indexOf(rate) + 1);
        if (left.length) process.stdout.write(`  backlog did not drain: skipping ${left.join(', ')} msg/s\n`);
        break;
      }
    }
    loopDelay.disable();
    const observedUntil = nowMs();
    const pg1 = await dbStats(dbUrl.toString(), dbName);
    const measured = stages.slice(1).sort((a, b) => a.rate - b.rate);

    // ---------------------------------------------------------------- join events to sends
    db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    const hashOf = keyHasher(dataKey);
    const byHash = new Map<string, string>();
    for (const id of sentAt.keys()) byHash.set(hashOf(id), id);
    const { rows } = await db.query<{ id: string; h: string; received: number; created: number }>(
      `SELECT m.id, encode(m.external_hash, 'hex') AS h,
              extract(epoch FROM e.received_at) * 1000 AS received, extract(epoch FROM m.created_at) * 1000 AS created
         FROM messages m JOIN inbound_events e
           ON e.channel_account_id = m.channel_account_id AND e.external_hash = m.external_hash
        WHERE m.direction = 'in'`,
    );
    const perWamid = new Map<string, Legs>();
    for (const r of rows) {
      const wamid = byHash.get(r.h);
      if (!wamid) continue;
      const sent = sentAt.get(wamid)!;
      const got = received.get(r.id);
      perWamid.set(wamid, {
        e2e: got === undefined ? undefined : got - sent,
        toStored: Number(r.received) - sent,
        toWorker: Number(r.created) - Number(r.received),
        toSocket: got === undefined ? undefined : got - Number(r.created),
      });
    }
    if (TIMELINE)
      for (const st of measured) {
        process.stdout.write(
          `\ntimeline of ${st.label} (started at ${st.load.startedAt.toFixed(0)} ms since the epoch)\n`,
        );
        printTimeline(st, sentAt, perWamid);
      }
    const totalRows = Number(
      (await db.query(`SELECT count(*)::int AS n FROM messages WHERE direction = 'in'`)).rows[0].n,
    );
    const cases = Number((await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n);

    // ---------------------------------------------------------------- report
    const resultRows: Row[] = [];
    const table: (string | number)[][] = [
      [
        'stage',
        'sent',
        'errors',
        'webhook p50',
        'webhook p99',
        'processed/s',
        'e2e p50',
        'e2e p99',
        'e2e max',
        'missing',
      ],
    ];
    const legs: (string | number)[][] = [
      [
        'stage',
        'send→stored p50/p99',
        'stored→worker tx p50/p99',
        'worker tx→socket p50/p99',
        'cpu % api/worker/pg/redis/bench/others',
        'cpu ms/msg api/worker/pg',
        'cpu pressure %',
      ],
    ];
    let best = 0;
    for (const st of measured) {
      const wh = sortedCopy(st.load.latencies);
      const e2e: number[] = [];
      const a: number[] = [];
      const b: number[] = [];
      const c: number[] = [];
      let missing = 0;
      for (const id of st.ids) {
        const m = perWamid.get(id);
        if (!m || m.e2e === undefined) {
          // Not processed (or its event not seen) by the end: censored at the time observed so
          // far, so percentiles are lower bounds rather than silently optimistic.
          missing++;
          e2e.push(observedUntil - (sentAt.get(id) ?? observedUntil));
          continue;
        }
        e2e.push(m.e2e);
        a.push(m.toStored);
        b.push(m.toWorker);
        c.push(m.toSocket!);
      }
      const e = sortedCopy(e2e);
      const [sa, sb, sc] = [sortedCopy(a), sortedCopy(b), sortedCopy(c)];
      best = Math.max(best, st.processedPerS);
      const isMain = st.rate === MAIN_RATE;
      table.push([
        st.label,
        st.load.sent,
        st.load.errors,
        percentile(wh, 50),
        percentile(wh, 99),
        st.processedPerS,
        percentile(e, 50),
        percentile(e, 99),
        e.length ? e[e.length - 1] : NaN,
        missing,
      ]);
      const pp = (s: Float64Array) => `${percentile(s, 50).toFixed(0)} / ${percentile(s, 99).toFixed(0)}`;
      const cpu = st.cpu;
      legs.push([
        st.label,
        pp(sa),
        pp(sb),
        pp(sc),
        [cpu.api, cpu.worker, cpu.postgres, cpu.redis, cpu.bench, cpu.others]
          .map((x) => x.toFixed(0))
          .join(' / '),
        // CPU cost per message: % of a core × 10 = ms per second, divided by messages per second.
        [
          (cpu.api * 10) / ((st.load.sent * 1000) / (st.load.endedAt - st.load.startedAt)),
          (cpu.worker * 10) / st.processedPerS,
          (cpu.postgres * 10) / st.processedPerS,
        ]
          .map((x) => x.toFixed(2))
          .join(' / '),
        cpu.cpuPressure,
      ]);
      const r = (metric: string, value: number, unit: string, target: string | null = null) =>
        resultRows.push({
          metric,
          value: Number.isFinite(value) ? Number(value.toFixed(2)) : null,
          unit,
          target,
        });
      r(`webhook p50 @${st.rate}/s`, percentile(wh, 50), 'ms');
      r(`webhook p99 @${st.rate}/s`, percentile(wh, 99), 'ms', isMain ? `< ${TARGET.webhookP99}` : null);
      if (isMain) {
        // The first seconds of a stage on a fresh database are mostly first-time senders (new
        // contacts and cases); this row shows whether the tail above is that ramp or steady.
        const settled = sortedCopy(
          st.load.latencies.filter((_, i) => st.load.sendTimes[i] - st.load.startedAt >= SETTLE_MS),
        );
        r(`webhook p99 @${st.rate}/s after the first ${SETTLE_MS / 1000} s`, percentile(settled, 99), 'ms');
      }
      r(`processed @${st.rate}/s offered`, st.processedPerS, 'msg/s');
      r(`end-to-end p50 @${st.rate}/s`, percentile(e, 50), 'ms');
      r(`end-to-end p99 @${st.rate}/s`, percentile(e, 99), 'ms', isMain ? `< ${TARGET.e2eP99}` : null);
      if (st.load.errors || st.load.shed || missing)
        r(`errors+shed+unprocessed @${st.rate}/s`, st.load.errors + st.load.shed + missing, 'count', '0');
    }
    resultRows.unshift({
      metric: 'sustained processed throughput (best stage)',
      value: Number(best.toFixed(1)),
      unit: 'msg/s',
      target: `>= ${TARGET.throughput}`,
    });

    process.stdout.write('\n');
    printTable(table);
    process.stdout.write(
      '\nlatency legs (ms) and CPU (% of one core; 2 cores total; pg/redis are shared servers)\n',
    );
    printTable(legs);
    process.stdout.write(
      `\nworker concurrency ${CONCURRENCY}; ${totalRows} messages stored, ${cases} cases (${caseCreated} case.created events); ` +
        `bench event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(1)} ms\n`,
    );
    const msgs = measured.reduce((n, st) => n + st.load.ok, 0);
    const perMsg = Object.fromEntries(
      Object.keys(pg1).map((k) => [k, msgs ? Number(((pg1[k] - (pg0[k] ?? 0)) / msgs).toFixed(2)) : 0]),
    );
    process.stdout.write(
      `postgres per message (measured stages, pg_stat_database): ${Object.entries(perMsg)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}\n`,
    );
    writeResults('ingest', {
      rows: resultRows,
      postgresPerMessage: perMsg,
      config: {
        rates: RATES,
        mainRate: MAIN_RATE,
        stageSeconds: STAGE_MS / 1000,
        workerConcurrency: CONCURRENCY,
        senders: SENDERS,
      },
      stages: measured.map((s) => ({
        rate: s.rate,
        sent: s.load.sent,
        errors: s.load.errors,
        statusCounts: s.load.statusCounts,
        late: s.load.slipped,
        shed: s.load.shed,
        processedPerS: s.processedPerS,
        drained: s.drained,
        drainMs: s.drainMs,
        cpuPercent: s.cpu,
      })),
    });
    socket.disconnect();
    sender.close();
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    process.stderr.write(`ingest bench failed: ${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);

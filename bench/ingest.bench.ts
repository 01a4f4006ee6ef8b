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
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Client } from 'pg';
import { envNumber as num } from './support/results';
import { openSocket, teamWithAgent } from '../test/support/api-client';
import { CpuSampler, CpuSnapshot } from './support/cpu';
import { nowMs, openLoop, SenderPool, percentile, sortedCopy } from './support/load';
import { sleep } from '../test/support/processes';
import { benchEnv, startBenchApi, spawnBenchWorker } from './support/bench-apps';
import { runBench } from './support/bench-run';
import { joinLegs, printTimeline, Stage } from './support/ingest-stages';
import { reportIngest } from './support/ingest-report';
import { dbStats } from './support/pg-stats';
import {
  channelMix,
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

runBench({ scratch: 'ingest', bench: 'ingest' }, async (run) => {
  const { dbName, dbUrl } = run;
  const dataKey = randomBytes(32).toString('base64');

  // ---------------------------------------------------------------- set-up
  const env = benchEnv(run, { dataKey, workerConcurrency: CONCURRENCY });
  if (MIX.some((m) => m.channel !== 'whatsapp')) Object.assign(env, socialBenchEnv());
  const api = run.app(await startBenchApi(env));
  const worker = run.app(spawnBenchWorker(env));
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
      if (Date.now() > until) throw new Error(`worker did not process the probe in 30 s:\n${worker.output}`);
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
      shouldStop: () => run.stopping || !api.alive || !worker.alive,
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
    if (run.stopping) break;
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
  const db = new Client({ connectionString: dbUrl.toString() });
  await db.connect();
  run.onCleanup(() => db.end());
  const perWamid = await joinLegs(db, dataKey, sentAt, received);
  if (TIMELINE)
    for (const st of measured) {
      process.stdout.write(
        `\ntimeline of ${st.label} (started at ${st.load.startedAt.toFixed(0)} ms since the epoch)\n`,
      );
      printTimeline(st, sentAt, perWamid, TIMELINE_MS);
    }
  const totalRows = Number(
    (await db.query(`SELECT count(*)::int AS n FROM messages WHERE direction = 'in'`)).rows[0].n,
  );
  const cases = Number((await db.query(`SELECT count(*)::int AS n FROM cases`)).rows[0].n);

  reportIngest({
    config: {
      rates: RATES,
      mainRate: MAIN_RATE,
      stageSeconds: STAGE_MS / 1000,
      workerConcurrency: CONCURRENCY,
      senders: SENDERS,
    },
    target: TARGET,
    settleMs: SETTLE_MS,
    measured,
    sentAt,
    perWamid,
    observedUntil,
    totalRows,
    cases,
    caseCreated,
    loopDelay,
    pg0,
    pg1,
  });
  socket.disconnect();
  sender.close();
});

/**
 * Trend reports over a year of facts: `GET /api/reports/trends` (and `.csv`) grouped by
 * week × channel × topic, suppression included.
 *
 * Issue target: 1,000,000 facts over one year; p95 < 200 ms for the report and for its CSV.
 *
 * Set-up: a fresh database (`webcare_bench_reports_<rand>`) with migrations and BENCH_FACTS facts
 * (default 1,000,000) spread over the 52 ISO weeks from 2025-01-06, inserted with one
 * generate_series statement (seeded random): channels 60/30/10 % WhatsApp/Facebook/LinkedIn, a
 * skewed topic mix, 80/18/2 % Dutch/English/other, 15/75/10 % negative/neutral/positive,
 * exponential response and resolution times, 5 % escalated. The built api runs as a child process
 * (LOG_LEVEL=warn); a manager logs in.
 *
 * Measured: the first report seals all 52 weeks (aggregate, protect, store: `cold`); a fresh api
 * process reading the sealed weeks (`restart`); then BENCH_RUNS runs (5) of BENCH_REQUESTS (40)
 * sequential requests each for the JSON and the CSV report of the whole year; p50/p95 per run, the
 * reported value is the median over runs. Also the share of week × channel × topic cells published.
 *
 * Env knobs: BENCH_FACTS, BENCH_RUNS, BENCH_REQUESTS, BENCH_KEEP_DB=1.
 */
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { SYNTHETIC_FACTS_SQL, syntheticFactsParams } from '../apps/api/src/demo/demo-facts.repository';
import { login } from '../test/support/api-client';
import { nowMs, percentile, printTable, sortedCopy } from './support/load';
import { ADMIN, AppProcess } from '../test/support/processes';
import { benchEnv, startBenchApi } from './support/bench-apps';
import { envNumber, writeResults } from './support/results';
import { runBench } from './support/bench-run';

const num = (name: string, dflt: number) => Math.floor(envNumber(name, dflt));
const FACTS = num('BENCH_FACTS', 1_000_000);
const RUNS = num('BENCH_RUNS', 5);
const REQUESTS = num('BENCH_REQUESTS', 40);
const TARGET_P95 = 200;
const QUERY = 'from=2025-01-06&to=2026-01-04&groupBy=week,channel,topic';

async function insertFacts(db: Client): Promise<void> {
  await db.query(`SELECT setseed(0.42)`);
  await db.query(
    SYNTHETIC_FACTS_SQL,
    syntheticFactsParams({
      firstWeek: '2025-01-06',
      weeksBack: 0,
      weeks: 52,
      count: FACTS,
      responseMinutes: 60,
      resolutionTailMinutes: 600,
    }),
  );
  await db.query(`VACUUM ANALYZE case_facts`);
}

async function timed(url: string, token: string): Promise<{ ms: number; body: string }> {
  const start = nowMs();
  const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`${url} → ${res.status} ${body.slice(0, 300)}`);
  return { ms: nowMs() - start, body };
}

async function series(url: string, token: string): Promise<{ p50: number; p95: number }[]> {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const times: number[] = [];
    for (let i = 0; i < REQUESTS; i++) times.push((await timed(url, token)).ms);
    const sorted = sortedCopy(times);
    runs.push({ p50: percentile(sorted, 50), p95: percentile(sorted, 95) });
  }
  return runs;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

runBench({ scratch: 'reports', bench: 'reports' }, async (run) => {
  const { dbUrl } = run;
  let api: (AppProcess & { url: string }) | null = null;
  run.onCleanup(() => api?.kill());
  try {
    const db = new Client({ connectionString: dbUrl.toString() });
    await db.connect();
    run.onCleanup(() => db.end());
    let t = nowMs();
    await insertFacts(db);
    const insertMs = nowMs() - t;
    const env = benchEnv(run, { workerConcurrency: 1 });
    api = await startBenchApi(env);
    const adminToken = await login(api.url, ADMIN.email, ADMIN.password);
    const email = `bench-manager-${randomBytes(3).toString('hex')}@school.bench`;
    const created = await fetch(`${api.url}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        email,
        password: 'a-long-password-for-the-bench',
        name: 'Manager',
        role: 'manager',
      }),
    });
    if (created.status !== 201) throw new Error(`manager create failed: ${created.status}`);
    const token = await login(api.url, email, 'a-long-password-for-the-bench');
    const cold = await timed(`${api.url}/api/reports/trends?${QUERY}`, token);
    const report = JSON.parse(cold.body) as { weeks: string[]; rows: { count: number | null }[] };
    const published = report.rows.filter((r) => r.count !== null).length;

    await api.kill();
    api = await startBenchApi(env);
    const token2 = await login(api.url, email, 'a-long-password-for-the-bench');
    const jsonUrl = `${api.url}/api/reports/trends?${QUERY}`;
    const csvUrl = `${api.url}/api/reports/trends.csv?${QUERY}`;
    t = nowMs();
    await timed(jsonUrl, token2);
    const restartMs = nowMs() - t;

    const json = await series(jsonUrl, token2);
    const csv = await series(csvUrl, token2);
    const jsonP50 = median(json.map((r) => r.p50));
    const jsonP95 = median(json.map((r) => r.p95));
    const csvP50 = median(csv.map((r) => r.p50));
    const csvP95 = median(csv.map((r) => r.p95));

    const rows = [
      { metric: 'facts', value: FACTS, unit: 'rows', target: null },
      { metric: 'weeks sealed', value: report.weeks.length, unit: 'weeks', target: null },
      { metric: 'insert facts', value: Math.round(insertMs), unit: 'ms', target: null },
      { metric: 'cold: first report (seals 52 weeks)', value: Math.round(cold.ms), unit: 'ms', target: null },
      {
        metric: 'restart: first report from sealed weeks',
        value: Math.round(restartMs),
        unit: 'ms',
        target: null,
      },
      { metric: 'week×channel×topic JSON p50', value: jsonP50, unit: 'ms', target: null },
      { metric: 'week×channel×topic JSON p95', value: jsonP95, unit: 'ms', target: `< ${TARGET_P95}` },
      { metric: 'week×channel×topic CSV p50', value: csvP50, unit: 'ms', target: null },
      { metric: 'week×channel×topic CSV p95', value: csvP95, unit: 'ms', target: `< ${TARGET_P95}` },
      { metric: 'cells published', value: published, unit: `of ${report.rows.length}`, target: null },
    ];
    printTable([
      ['metric', 'value', 'unit', 'target'],
      ...rows.map((r) => [r.metric, r.value, r.unit, r.target ?? '']),
    ]);
    writeResults('reports', {
      rows,
      runs: { json, csv },
      pass: jsonP95 < TARGET_P95 && csvP95 < TARGET_P95,
    });
  } catch (err) {
    if (api) process.stderr.write(`api output:\n${api.output.slice(-4000)}\n`);
    throw err;
  }
});

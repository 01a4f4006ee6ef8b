import type { CpuSampler } from './cpu';
import { percentile, printTable, sortedCopy } from './load';
import { addRow, ResultRow, writeResults } from './results';
import type { Scenario, Who } from './case-list-client';
import type { Explained } from './case-list-explain';
import type { SeedCounts } from './cases-seed';

type CpuUsage = ReturnType<typeof CpuSampler.usage>;

/** What the case-list bench measured, for its report. */
export interface CaseListOutcome {
  config: {
    cases: number;
    teams: number;
    page: number;
    walkPages: number;
    requestsPerScenario: number;
    concurrency: number;
    concurrentSeconds: number;
  };
  targetP99: number;
  counts: SeedCounts;
  insertedS: number;
  seedS: number;
  /** Every scenario, in the order run; `main` the sequential ones the p99 target applies to. */
  scenarios: Scenario[];
  main: Scenario[];
  cold: Scenario;
  deep: Scenario;
  conc: Scenario;
  agentWho: Who;
  pagination: { ok: boolean; seen: number; dupes: number; outOfOrder: number };
  seqS: number;
  seqCpu: CpuUsage;
  concS: number;
  concCpu: CpuUsage;
  explains: Explained[];
}

/** Prints the case-list bench's table, CPU and EXPLAIN plans, and writes its results file. */
export function reportCaseList(o: CaseListOutcome): void {
  const { dupes, outOfOrder } = o.pagination;
  const CONCURRENCY = o.config.concurrency;
  const TARGET_P99 = o.targetP99;
  const concRps = o.conc.lat.length / o.concS;
  const rows: ResultRow[] = [];
  const r = (metric: string, value: number, unit: string, target: string | null = null) =>
    addRow(rows, metric, value, unit, target);
  const table: (string | number)[][] = [['scenario', 'n', 'errors', 'bad items', 'p50', 'p95', 'p99', 'max']];
  for (const sc of o.scenarios) {
    const s = sortedCopy(sc.lat);
    table.push([
      sc.name,
      sc.lat.length,
      sc.errors,
      sc.badPreviews,
      percentile(s, 50),
      percentile(s, 95),
      percentile(s, 99),
      s.length ? s[s.length - 1] : NaN,
    ]);
  }
  const combined = sortedCopy(o.main.flatMap((s) => s.lat));
  const agentOnly = sortedCopy(o.main.filter((s) => s.who === o.agentWho).flatMap((s) => s.lat));
  const errors = o.scenarios.reduce((n, s) => n + s.errors, 0);
  const bad = o.scenarios.reduce((n, s) => n + s.badPreviews, 0);

  r(
    'combined p99 (agent+lead, first pages + pages 2-20, sequential)',
    percentile(combined, 99),
    'ms',
    `< ${TARGET_P99}`,
  );
  r('agent p99 (first pages + pages 2-20, sequential)', percentile(agentOnly, 99), 'ms', `< ${TARGET_P99}`);
  for (const sc of [...o.main, o.cold, o.deep]) {
    const s = sortedCopy(sc.lat);
    r(`${sc.name} p50`, percentile(s, 50), 'ms');
    r(`${sc.name} p95`, percentile(s, 95), 'ms');
    r(`${sc.name} p99`, percentile(s, 99), 'ms', sc === o.cold ? `< ${TARGET_P99}` : null);
  }
  const cs = sortedCopy(o.conc.lat);
  r(`${o.conc.name} p50`, percentile(cs, 50), 'ms');
  r(`${o.conc.name} p99`, percentile(cs, 99), 'ms');
  r(`${o.conc.name} throughput`, concRps, 'req/s');
  r('errors + invalid items', errors + bad, 'count', '0');
  r(
    'pagination: cases missing/duplicated/out of order',
    o.pagination.ok ? 0 : Math.abs(o.counts.team1 - o.pagination.seen) + dupes + outOfOrder,
    'count',
    '0',
  );
  r('seed time (insert + VACUUM ANALYZE)', o.seedS, 's');
  for (const e of o.explains) r(`SQL execution: ${e.label}`, e.executionMs, 'ms');

  process.stdout.write('\n');
  printTable(table);
  process.stdout.write(
    `\nsequential: ${o.main.reduce((n, s) => n + s.lat.length, 0)} requests in ${o.seqS.toFixed(1)} s; cpu % api/postgres/bench ` +
      `${[o.seqCpu.api, o.seqCpu.postgres, o.seqCpu.bench].map((x) => x.toFixed(0)).join('/')}\n` +
      `concurrent (${CONCURRENCY} clients, ${o.concS.toFixed(1)} s): ${o.conc.lat.length} requests, ${concRps.toFixed(0)} req/s; ` +
      `cpu % api/postgres/bench ${[o.concCpu.api, o.concCpu.postgres, o.concCpu.bench].map((x) => x.toFixed(0)).join('/')}, pressure ${o.concCpu.cpuPressure.toFixed(0)}%\n`,
  );
  for (const sc of o.scenarios)
    if (sc.firstError) process.stdout.write(`  first error in ${sc.name}: ${sc.firstError}\n`);
  const missed =
    percentile(combined, 99) >= TARGET_P99 || percentile(sortedCopy(o.cold.lat), 99) >= TARGET_P99;
  process.stdout.write(
    `\nEXPLAIN (ANALYZE, BUFFERS) of the list SQL, team 1${missed ? ' (p99 target missed)' : ''}:\n`,
  );
  for (const e of o.explains) process.stdout.write(`\n-- ${e.label}: ${e.executionMs} ms\n${e.plan}\n`);

  writeResults('cases-list', {
    rows,
    config: o.config,
    seed: { ...o.counts, insertSeconds: o.insertedS, totalSeconds: o.seedS },
    scenarios: o.scenarios.map((s) => {
      const x = sortedCopy(s.lat);
      return {
        name: s.name,
        n: s.lat.length,
        errors: s.errors,
        invalidItems: s.badPreviews,
        p50: percentile(x, 50),
        p95: percentile(x, 95),
        p99: percentile(x, 99),
        max: x.length ? x[x.length - 1] : null,
        firstError: s.firstError || undefined,
      };
    }),
    cpuPercent: { sequential: o.seqCpu, concurrent: o.concCpu },
    explain: o.explains,
  });
}

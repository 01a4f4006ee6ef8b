import type { IntervalHistogram } from 'node:perf_hooks';
import { percentile, printTable, sortedCopy } from './load';
import { addRow, ResultRow, writeResults } from './results';
import type { Legs, Stage } from './ingest-stages';

/** What the ingest bench measured and how it was configured, for its report. */
export interface IngestOutcome {
  config: {
    rates: number[];
    mainRate: number;
    stageSeconds: number;
    workerConcurrency: number;
    senders: number;
  };
  target: { throughput: number; webhookP99: number; e2eP99: number };
  /** Leading part of the main stage the "after the first seconds" row leaves out, ms. */
  settleMs: number;
  /** The measured stages (no warm-up), by rate. */
  measured: Stage[];
  sentAt: Map<string, number>;
  perWamid: Map<string, Legs>;
  /** When the last events were awaited: unprocessed messages count as late until then. */
  observedUntil: number;
  totalRows: number;
  cases: number;
  caseCreated: number;
  loopDelay: IntervalHistogram;
  pg0: Record<string, number>;
  pg1: Record<string, number>;
}

/** Prints the ingest bench's tables (per stage, latency legs and CPU) and writes its results file. */
export function reportIngest(o: IngestOutcome): void {
  const { measured, sentAt, perWamid, observedUntil, totalRows, cases, caseCreated, loopDelay, pg0, pg1 } = o;
  const MAIN_RATE = o.config.mainRate;
  const CONCURRENCY = o.config.workerConcurrency;
  const SETTLE_MS = o.settleMs;
  const TARGET = o.target;
  const resultRows: ResultRow[] = [];
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
      addRow(resultRows, metric, value, unit, target);
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
    config: o.config,
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
}

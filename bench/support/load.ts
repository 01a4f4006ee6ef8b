import http from 'node:http';

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with Postgres timestamps). */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export interface OpenLoopOptions {
  port: number;
  path: string;
  /** Requests per second, spread evenly (open loop: the schedule does not wait for answers). */
  rate: number;
  durationMs: number;
  agent: http.Agent;
  /** Builds request number `i` of this stage; called right before it is sent. */
  build: (i: number) => { raw: Buffer; signature: string; id: string };
  /** The send time of each request, keyed by the id `build` returned. */
  onSend: (id: string, at: number) => void;
  /** Hard cap on requests in flight; beyond it the schedule slips (counted in `slipped`). */
  maxInFlight?: number;
  timeoutMs?: number;
  /** Checked every tick; true stops sending (e.g. the server died). */
  shouldStop?: () => boolean;
}

export interface OpenLoopResult {
  sent: number;
  ok: number;
  errors: number;
  statusCounts: Record<string, number>;
  /** Client-side response times (request written → response fully read), ms. */
  latencies: number[];
  /** Send time of each answered request, in the order of `latencies`. */
  sendTimes: number[];
  startedAt: number;
  endedAt: number;
  /** Send slots that went out more than 50 ms late (client starved or in-flight cap reached). */
  slipped: number;
  /** Scheduled requests never sent because the stage ended first. */
  shed: number;
}

/**
 * Fires request i at start + i/rate (checked every ~1 ms) until the duration is over, then waits
 * for the answers. The loop is bounded by rate × duration requests.
 */
export function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  let total = Math.round((o.rate * o.durationMs) / 1000);
  const maxInFlight = o.maxInFlight ?? 2000;
  const timeoutMs = o.timeoutMs ?? 10_000;
  const res: OpenLoopResult = {
    sent: 0,
    ok: 0,
    errors: 0,
    statusCounts: {},
    latencies: [],
    sendTimes: [],
    startedAt: nowMs(),
    endedAt: 0,
    slipped: 0,
    shed: 0,
  };
  let inFlight = 0;
  return new Promise((resolve) => {
    const finishIfDone = () => {
      if (res.sent === total && inFlight === 0) {
        res.endedAt = nowMs();
        resolve(res);
      }
    };
    const fire = (i: number) => {
      const { raw, signature, id } = o.build(i);
      const t0 = nowMs();
      o.onSend(id, t0);
      inFlight++;
      let settled = false;
      const settle = (status: string, ok: boolean) => {
        if (settled) return;
        settled = true;
        inFlight--;
        res.statusCounts[status] = (res.statusCounts[status] ?? 0) + 1;
        if (ok) {
          res.ok++;
          res.latencies.push(nowMs() - t0);
          res.sendTimes.push(t0);
        } else res.errors++;
        finishIfDone();
      };
      const req = http.request(
        {
          agent: o.agent,
          host: '127.0.0.1',
          port: o.port,
          path: o.path,
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'content-length': raw.length,
            'x-hub-signature-256': signature,
          },
        },
        (r) => {
          r.resume();
          r.on('end', () => settle(String(r.statusCode), r.statusCode === 200));
          r.on('error', () => settle('response-error', false));
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
      req.on('error', (err: NodeJS.ErrnoException) =>
        settle(err.message === 'timeout' ? 'timeout' : (err.code ?? 'error'), false),
      );
      req.end(raw);
    };
    const tick = () => {
      // Fixed duration: slots that could not go out in time (in-flight cap) are shed, not queued.
      if (o.shouldStop?.() || nowMs() - res.startedAt > o.durationMs + 100) {
        res.shed += total - res.sent;
        total = res.sent;
      }
      const elapsed = nowMs() - res.startedAt;
      const due = Math.min(total, Math.floor((elapsed * o.rate) / 1000) + 1);
      while (res.sent < due && inFlight < maxInFlight) {
        if (elapsed - (res.sent * 1000) / o.rate > 50) res.slipped++;
        fire(res.sent++);
      }
      if (res.sent < total) setTimeout(tick, 1);
      else finishIfDone();
    };
    tick();
  });
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (!sorted.length) return NaN;
  const idx = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[idx];
}

export function sortedCopy(xs: number[]): Float64Array {
  return Float64Array.from(xs).sort();
}

/** Prints rows as an aligned text table. */
export function printTable(rows: (string | number)[][]): void {
  const cells = rows.map((r) => r.map((c) => (typeof c === 'number' ? fmt(c) : c)));
  const widths = cells[0].map((_, i) => Math.max(...cells.map((r) => String(r[i] ?? '').length)));
  for (const [n, r] of cells.entries()) {
    process.stdout.write(r.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ') + '\n');
    if (n === 0) process.stdout.write(widths.map((w) => '-'.repeat(w)).join('  ') + '\n');
  }
}

export function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  const abs = Math.abs(v);
  return String(Number(v.toFixed(abs >= 100 ? 0 : abs >= 10 ? 1 : 2)));
}

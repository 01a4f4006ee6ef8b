import { connect, Socket } from 'node:net';

/** Wall-clock milliseconds with sub-millisecond resolution (comparable with Postgres timestamps). */
export const nowMs = (): number => performance.timeOrigin + performance.now();

export interface OpenLoopOptions {
  path: string;
  /** Requests per second, spread evenly (open loop: the schedule does not wait for answers). */
  rate: number;
  durationMs: number;
  /** The sender's keep-alive connections, kept across stages like a platform's delivery pool. */
  pool: SenderPool;
  /** Builds request number `i` of this stage; called right before it is sent. */
  build: (i: number) => {
    raw: Buffer;
    signature: string;
    id: string;
    /** Another channel's webhook than `path` (a channel mix), with its signature header. */
    path?: string;
    signatureHeader?: string;
  };
  /** The send time of each request, keyed by the id `build` returned. */
  onSend: (id: string, at: number) => void;
  /** Hard cap on requests in flight; beyond it the schedule slips (counted in `slipped`). */
  maxInFlight?: number;
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

type Done = (outcome: number | string) => void;

const HEADER_END = Buffer.from('\r\n\r\n');
const LAST_CHUNK = Buffer.from('\r\n0\r\n\r\n');

/** One keep-alive connection carrying one request at a time (no pipelining, as platforms deliver). */
class Connection {
  private buffered: Buffer = Buffer.alloc(0);
  private done: Done | null = null;
  private timer: NodeJS.Timeout | null = null;
  private gone = false;
  readonly socket: Socket;

  constructor(
    port: number,
    private readonly onIdle: (c: Connection) => void,
    private readonly onGone: (c: Connection, unusedReason: string | null) => void,
  ) {
    this.socket = connect({ host: '127.0.0.1', port, noDelay: true });
    this.socket.on('data', (d: Buffer) => this.read(d));
    this.socket.on('error', (err: NodeJS.ErrnoException) => this.fail(err.code ?? 'error'));
    this.socket.on('close', () => this.fail('closed'));
  }

  send(request: Buffer, timeoutMs: number, done: Done): void {
    this.done = done;
    this.timer = setTimeout(
      () => this.socket.destroy(Object.assign(new Error('timeout'), { code: 'timeout' })),
      timeoutMs,
    );
    this.socket.write(request);
  }

  private read(d: Buffer): void {
    this.buffered = this.buffered.length ? Buffer.concat([this.buffered, d]) : d;
    const headEnd = this.buffered.indexOf(HEADER_END);
    if (headEnd < 0) return;
    const head = this.buffered.subarray(0, headEnd).toString('latin1');
    const bodyStart = headEnd + 4;
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    let end: number;
    if (length) end = bodyStart + Number(length[1]);
    else if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) {
      const last = this.buffered.indexOf(LAST_CHUNK, bodyStart - 2);
      end = last < 0 ? Infinity : last + LAST_CHUNK.length;
    } else end = bodyStart;
    if (this.buffered.length < end) return;
    this.buffered = this.buffered.subarray(end);
    const status = Number(head.slice(9, 12));
    const done = this.done;
    this.settle();
    done?.(status);
    if (/\r\nconnection:\s*close/i.test(head)) this.socket.destroy();
    else this.onIdle(this);
  }

  private fail(reason: string): void {
    if (this.gone) return;
    this.gone = true;
    const done = this.done;
    const outcome = reason === 'closed' ? 'ECONNRESET' : reason;
    this.settle();
    this.socket.destroy();
    // A connection that never carried a request (refused, say) is reported through the pool.
    this.onGone(this, done || this.socket.bytesWritten ? null : outcome);
    done?.(outcome);
  }

  private settle(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.done = null;
  }
}

/**
 * The sender's delivery pool: raw keep-alive sockets and pre-serialized requests, so the load
 * generator spends little CPU of the two cores it shares with the system it measures (Node's
 * http client cost about as much per request as the api's whole webhook path).
 */
export class SenderPool {
  private readonly idle: Connection[] = [];
  private readonly all = new Set<Connection>();
  private readonly queued: { request: Buffer; done: Done }[] = [];

  /** `max` keep-alive connections at most; requests beyond them queue. */
  constructor(
    readonly port: number,
    private readonly max: number,
    private readonly timeoutMs = 10_000,
  ) {}

  send(request: Buffer, done: Done): void {
    const c = this.idle.pop();
    if (c) return c.send(request, this.timeoutMs, done);
    this.queued.push({ request, done });
    if (this.all.size < this.max) this.open();
  }

  close(): void {
    for (const c of this.all) c.socket.destroy();
  }

  private open(): void {
    const c = new Connection(
      this.port,
      (conn) => this.ready(conn),
      (conn, unusedReason) => this.gone(conn, unusedReason),
    );
    this.all.add(c);
    c.socket.once('connect', () => this.ready(c));
  }

  private ready(c: Connection): void {
    const next = this.queued.shift();
    if (next) c.send(next.request, this.timeoutMs, next.done);
    else this.idle.push(c);
  }

  /**
   * A connection that failed before carrying anything fails one queued request in its place, so a
   * server that refuses connections ends the stage with errors instead of reconnecting forever.
   */
  private gone(c: Connection, unusedReason: string | null): void {
    this.all.delete(c);
    const i = this.idle.indexOf(c);
    if (i >= 0) this.idle.splice(i, 1);
    if (unusedReason) this.queued.shift()?.done(unusedReason);
    if (this.queued.length && this.all.size < this.max) this.open();
  }
}

/**
 * Fires request i at start + i/rate (checked every ~1 ms) until the duration is over, then waits
 * for the answers. The loop is bounded by rate × duration requests.
 */
export function openLoop(o: OpenLoopOptions): Promise<OpenLoopResult> {
  let total = Math.round((o.rate * o.durationMs) / 1000);
  const maxInFlight = o.maxInFlight ?? 2000;
  const { pool } = o;
  const requestHead = (raw: Buffer, signature: string, path = o.path, header = 'X-Hub-Signature-256') =>
    Buffer.from(
      `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${pool.port}\r\nContent-Type: application/json\r\n` +
        `Content-Length: ${raw.length}\r\n${header}: ${signature}\r\n\r\n`,
      'latin1',
    );
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
      const { raw, signature, id, path, signatureHeader } = o.build(i);
      const request = Buffer.concat([requestHead(raw, signature, path, signatureHeader), raw]);
      const t0 = nowMs();
      o.onSend(id, t0);
      inFlight++;
      pool.send(request, (outcome) => {
        inFlight--;
        const status = String(outcome);
        res.statusCounts[status] = (res.statusCounts[status] ?? 0) + 1;
        if (outcome === 200) {
          res.ok++;
          res.latencies.push(nowMs() - t0);
          res.sendTimes.push(t0);
        } else res.errors++;
        finishIfDone();
      });
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

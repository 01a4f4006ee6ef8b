import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

/** dist/bench/support → repository root. */
export const ROOT = resolve(__dirname, '../../..');

export const WHATSAPP = {
  phoneNumberId: '109876543210987',
  appSecret: 'bench-whatsapp-app-secret',
  verifyToken: 'bench-verify-token',
  accessToken: 'bench-access-token',
};
export const ADMIN = { email: 'admin@school.bench', password: 'admin-password-for-bench-123' };

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => res(port));
    });
  });
}

/** A built app as a child process; keeps only the tail of what it printed (for error reports). */
export class AppProcess {
  private tail = '';
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    const keep = (d: Buffer) => {
      this.tail = (this.tail + d.toString()).slice(-20_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((r) =>
      child.on('exit', (code, signal) => {
        this.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
        if (!this.killing)
          process.stderr.write(
            `!! ${name} (pid ${child.pid}) died: ${this.exitInfo}\n${this.tail.slice(-4000)}\n`,
          );
        r(code);
      }),
    );
  }

  /** How it ended ("exit code 1", "signal SIGKILL"), or null while it runs. */
  exitInfo: string | null = null;
  private killing = false;

  get output(): string {
    return this.tail;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (!this.alive) return;
    this.killing = true;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface BenchEnvOptions {
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
  dataKey: string;
  appSecret: string;
  workerConcurrency: number;
  logLevel?: string;
}

export function benchEnv(o: BenchEnvOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: o.logLevel ?? 'warn',
    DATABASE_URL: o.databaseUrl,
    REDIS_URL: o.redisUrl,
    REDIS_PREFIX: o.redisPrefix,
    DATA_KEY: o.dataKey,
    APP_SECRET: o.appSecret,
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    BOOTSTRAP_TEAM: 'Admissions',
    WHATSAPP_PHONE_NUMBER_ID: WHATSAPP.phoneNumberId,
    WHATSAPP_APP_SECRET: WHATSAPP.appSecret,
    WHATSAPP_VERIFY_TOKEN: WHATSAPP.verifyToken,
    WHATSAPP_ACCESS_TOKEN: WHATSAPP.accessToken,
    // Nothing listens here: the ingest path never calls the Graph API.
    GRAPH_API_BASE_URL: 'http://127.0.0.1:9/v21.0',
    WORKER_CONCURRENCY: String(o.workerConcurrency),
    // Benchmarks measure throughput from a few users; the per-user API rate limit would cut them off.
    API_RATE_LIMIT: '1000000',
  };
}

/** Extra node flags for a child, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
function nodeArgs(varName: string): string[] {
  return (process.env[varName] ?? '').split(/\s+/).filter(Boolean);
}

export async function startApi(env: Record<string, string>): Promise<AppProcess & { url: string }> {
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [...nodeArgs('BENCH_API_NODE_ARGS'), resolve(ROOT, 'dist/apps/api/src/main.js')],
    { cwd: ROOT, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const app = Object.assign(new AppProcess('api', child), { url: `http://127.0.0.1:${port}` });
  await waitFor(
    async () => {
      if (!app.alive) throw new Error(`api exited during start-up:\n${app.output.slice(-3000)}`);
      return (await fetch(`${app.url}/health`).catch(() => null))?.status === 200;
    },
    30_000,
    () => app.output,
  );
  return app;
}

/**
 * Starts the worker. With LOG_LEVEL=warn it prints nothing when ready, so readiness is proven by
 * the caller (a probe message that must come back as a socket event).
 */
export function startWorker(env: Record<string, string>): AppProcess {
  const child = spawn(
    process.execPath,
    [...nodeArgs('BENCH_WORKER_NODE_ARGS'), resolve(ROOT, 'dist/apps/worker/src/main.js')],
    { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  return new AppProcess('worker', child);
}

export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 15_000,
  describe?: () => string,
): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > until)
      throw new Error(`Timed out after ${timeoutMs} ms${describe ? `\n${describe().slice(-3000)}` : ''}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';

/** The repository root, from test/support or from its compiled copy under dist-bench/test/support. */
export const ROOT = ((): string => {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
})();

export interface AppProcessOptions {
  /** Keep only this many characters of output (long benchmark runs); everything by default. */
  keepChars?: number;
  /** Print the output's tail when the app exits without being killed (benchmarks). */
  reportUnexpectedExit?: boolean;
}

/** A built app running as a child process, with what it printed kept for privacy checks and error reports. */
export class AppProcess {
  output = '';
  /** How it ended ("exit code 1", "signal SIGKILL"), or null while it runs. */
  exitInfo: string | null = null;
  private killing = false;
  private readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
    opts: AppProcessOptions = {},
  ) {
    const keepChars = opts.keepChars ?? Infinity;
    const keep = (d: Buffer) => {
      this.output += d.toString();
      if (this.output.length > keepChars) this.output = this.output.slice(-keepChars);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    this.exited = new Promise((res) =>
      child.on('exit', (code, signal) => {
        this.exitInfo = signal ? `signal ${signal}` : `exit code ${code}`;
        if (opts.reportUnexpectedExit && !this.killing)
          process.stderr.write(
            `!! ${name} (pid ${child.pid}) died: ${this.exitInfo}\n${this.output.slice(-4000)}\n`,
          );
        res(code);
      }),
    );
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

export const WHATSAPP = {
  phoneNumberId: '109876543210987',
  appSecret: 'test-whatsapp-app-secret',
  verifyToken: 'test-verify-token',
  accessToken: 'test-access-token',
};
export const ADMIN = { email: 'admin@school.test', password: 'admin-password-123' };

/** What every started app is bootstrapped with: the admin, the first team and the WhatsApp number. */
export function bootstrapEnv(): Record<string, string> {
  return {
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    BOOTSTRAP_TEAM: 'Admissions',
    WHATSAPP_PHONE_NUMBER_ID: WHATSAPP.phoneNumberId,
    WHATSAPP_APP_SECRET: WHATSAPP.appSecret,
    WHATSAPP_VERIFY_TOKEN: WHATSAPP.verifyToken,
    WHATSAPP_ACCESS_TOKEN: WHATSAPP.accessToken,
  };
}

export interface TestEnvOptions {
  redisUrl?: string;
  redisPrefix?: string;
  graphBaseUrl?: string;
  extra?: Record<string, string>;
}

export function testEnv(opts: TestEnvOptions = {}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'debug',
    // The apps connect as the least-privileged role, as in production.
    DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
    REDIS_URL: opts.redisUrl ?? process.env.TEST_REDIS_URL!,
    REDIS_PREFIX: opts.redisPrefix ?? process.env.TEST_REDIS_PREFIX!,
    DATA_KEY: process.env.TEST_DATA_KEY!,
    APP_SECRET: process.env.TEST_APP_SECRET!,
    ...bootstrapEnv(),
    GRAPH_API_BASE_URL: opts.graphBaseUrl ?? 'http://127.0.0.1:9/v21.0',
    JOB_LOCK_MS: '2000',
    ...opts.extra,
  };
}

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

export interface StartOptions extends AppProcessOptions {
  /** Extra node flags, e.g. --cpu-prof. */
  nodeArgs?: string[];
}

function spawnApp(name: string, main: string, env: Record<string, string>, opts: StartOptions): AppProcess {
  const child = spawn(process.execPath, [...(opts.nodeArgs ?? []), resolve(ROOT, main)], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new AppProcess(name, child, opts);
}

/** Starts the built api on a free port and waits until /health answers. */
export async function startApi(
  env: Record<string, string>,
  opts: StartOptions = {},
): Promise<AppProcess & { url: string }> {
  const port = await freePort();
  const app = Object.assign(
    spawnApp('api', 'dist/apps/api/src/main.js', { ...env, PORT: String(port) }, opts),
    {
      url: `http://127.0.0.1:${port}`,
    },
  );
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

/** Starts the built worker without waiting (below LOG_LEVEL info it never says it is ready). */
export function spawnWorker(env: Record<string, string>, opts: StartOptions = {}): AppProcess {
  return spawnApp('worker', 'dist/apps/worker/src/main.js', env, opts);
}

/** Starts the built worker and waits until it logs that it is ready. */
export async function startWorker(env: Record<string, string>, opts: StartOptions = {}): Promise<AppProcess> {
  const worker = spawnWorker(env, opts);
  await waitFor(
    async () => worker.output.includes('"msg":"worker ready"'),
    30_000,
    () => worker.output,
  );
  return worker;
}

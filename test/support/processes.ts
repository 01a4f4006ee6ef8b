import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { freePort, waitFor } from '../../bench/support/processes';

const ROOT = resolve(__dirname, '../..');

/** A built app running as a child process, with everything it printed kept for privacy checks. */
export class AppProcess {
  output = '';
  private exited: Promise<number | null>;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((res) => child.on('exit', (code) => res(code)));
  }

  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill(signal);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export interface TestEnvOptions {
  redisUrl?: string;
  redisPrefix?: string;
  graphBaseUrl?: string;
  extra?: Record<string, string>;
}

export const WHATSAPP = {
  phoneNumberId: '109876543210987',
  appSecret: 'test-whatsapp-app-secret',
  verifyToken: 'test-verify-token',
  accessToken: 'test-access-token',
};
export const ADMIN = { email: 'admin@school.test', password: 'admin-password-123' };

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
    BOOTSTRAP_ADMIN_EMAIL: ADMIN.email,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN.password,
    BOOTSTRAP_TEAM: 'Admissions',
    WHATSAPP_PHONE_NUMBER_ID: WHATSAPP.phoneNumberId,
    WHATSAPP_APP_SECRET: WHATSAPP.appSecret,
    WHATSAPP_VERIFY_TOKEN: WHATSAPP.verifyToken,
    WHATSAPP_ACCESS_TOKEN: WHATSAPP.accessToken,
    GRAPH_API_BASE_URL: opts.graphBaseUrl ?? 'http://127.0.0.1:9/v21.0',
    JOB_LOCK_MS: '2000',
    ...opts.extra,
  };
}

export async function startApi(env: Record<string, string>): Promise<AppProcess & { url: string }> {
  const port = await freePort();
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/api/src/main.js')], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const app = Object.assign(new AppProcess('api', child), { url: `http://127.0.0.1:${port}` });
  await waitFor(
    async () => (await fetch(`${app.url}/health`).catch(() => null))?.status === 200,
    30_000,
    () => app.output,
  );
  return app;
}

export async function startWorker(env: Record<string, string>): Promise<AppProcess> {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/apps/worker/src/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const worker = new AppProcess('worker', child);
  await waitFor(
    async () => worker.output.includes('"msg":"worker ready"'),
    30_000,
    () => worker.output,
  );
  return worker;
}

export { waitFor };

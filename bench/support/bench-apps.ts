import { randomBytes } from 'node:crypto';
import {
  AppProcess,
  bootstrapEnv,
  spawnWorker,
  startApi,
  type AppProcessOptions,
} from '../../test/support/processes';
import type { BenchRun } from './bench-run';

export interface BenchEnvOptions {
  /** The master key (base64) when the bench needs it too; a fresh one otherwise. */
  dataKey?: string;
  workerConcurrency: number;
  logLevel?: string;
}

/** The apps' environment on the run's scratch database and Redis prefix, with a fresh app secret. */
export function benchEnv(run: BenchRun, o: BenchEnvOptions): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: o.logLevel ?? 'warn',
    DATABASE_URL: run.dbUrl.toString(),
    REDIS_URL: run.redisUrl,
    REDIS_PREFIX: run.redisPrefix,
    DATA_KEY: o.dataKey ?? randomBytes(32).toString('base64'),
    APP_SECRET: randomBytes(32).toString('base64'),
    ...bootstrapEnv(),
    // Nothing listens here: the ingest path never calls the Graph API.
    GRAPH_API_BASE_URL: 'http://127.0.0.1:9/v21.0',
    WORKER_CONCURRENCY: String(o.workerConcurrency),
    // Benchmarks measure throughput from a few users; the per-user API rate limit would cut them off.
    API_RATE_LIMIT: '1000000',
  };
}

/** Long runs keep only the output's tail, and an app that dies says so at once. */
const BENCH_APP: AppProcessOptions = { keepChars: 20_000, reportUnexpectedExit: true };

/** Extra node flags for a child, e.g. BENCH_WORKER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof". */
function nodeArgs(varName: string): string[] {
  return (process.env[varName] ?? '').split(/\s+/).filter(Boolean);
}

export function startBenchApi(env: Record<string, string>): Promise<AppProcess & { url: string }> {
  return startApi(env, { ...BENCH_APP, nodeArgs: nodeArgs('BENCH_API_NODE_ARGS') });
}

/**
 * Starts the worker. With LOG_LEVEL=warn it prints nothing when ready, so readiness is proven by
 * the caller (a probe message that must come back as a socket event).
 */
export function spawnBenchWorker(env: Record<string, string>): AppProcess {
  return spawnWorker(env, { ...BENCH_APP, nodeArgs: nodeArgs('BENCH_WORKER_NODE_ARGS') });
}

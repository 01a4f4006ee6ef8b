import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { dropDatabase as dropDatabaseOf } from '../../test/support/databases';

/** Scratch resources a benchmark creates for itself and removes afterwards. */
export { createDatabase } from '../../test/support/databases';

/** Best effort: the run goes on to clean up Redis. */
export const dropDatabase = (adminUrl: string, name: string): Promise<void> =>
  dropDatabaseOf(adminUrl, name).catch(() => undefined);

/** Best effort: deletes every key under the benchmark's prefix. */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length) await redis.del(...keys);
    } while (cursor !== '0');
  } catch {
    /* best effort */
  } finally {
    redis.disconnect();
  }
}

/** Ctrl-C or a kill still cleans up, once; `stopping` lets load loops end early. */
export function cleanUpOnSignal(cleanup: () => Promise<void>): { readonly stopping: boolean } {
  const state = { stopping: false };
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      if (state.stopping) return;
      state.stopping = true;
      void cleanup().finally(() => process.exit(1));
    });
  }
  return state;
}

/** Names for one run's throwaway database and Redis prefix, from DATABASE_URL / REDIS_URL. */
export function scratchNames(tag: string): {
  redisUrl: string;
  dbName: string;
  adminUrl: URL;
  dbUrl: URL;
  redisPrefix: string;
} {
  const base = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/webcare';
  const dbName = `webcare_bench_${tag}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const adminUrl = new URL(base);
  adminUrl.pathname = '/postgres';
  const dbUrl = new URL(base);
  dbUrl.pathname = `/${dbName}`;
  return {
    redisUrl: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    dbName,
    adminUrl,
    dbUrl,
    redisPrefix: `wcbench-${randomBytes(4).toString('hex')}`,
  };
}

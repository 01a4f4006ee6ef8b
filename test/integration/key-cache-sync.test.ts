import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { KeyCacheSync, KeyRing, KeyStore, loadConfig } from '../../libs/platform/src';

jest.setTimeout(30_000);

/** Two processes' key rings (same key store, same Redis): a shred in one empties the other's cache. */
describe('key cache eviction across processes', () => {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: process.env.TEST_DATABASE_URL,
    REDIS_URL: process.env.TEST_REDIS_URL,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-keycache`,
    DATA_KEY: randomBytes(32).toString('base64'),
  });
  const processes: { ring: KeyRing; store: KeyStore; sync: KeyCacheSync; redis: Redis }[] = [];

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const store = new KeyStore(config);
      const ring = new KeyRing(config, store);
      const redis = new Redis(config.redisUrl);
      const sync = new KeyCacheSync(ring, redis, config);
      await sync.onModuleInit();
      processes.push({ ring, store, sync, redis });
    }
  });

  afterAll(async () => {
    for (const p of processes) {
      p.sync.onApplicationShutdown();
      p.redis.disconnect();
      await p.store.onApplicationShutdown();
    }
  });

  it('keeps keys cached, and drops a shredded one everywhere at once', async () => {
    const [a, b] = processes;
    // The cache is real: a key deleted behind the ring's back is still served from memory.
    const cachedOnly = await a.ring.createDataKey();
    expect(await b.ring.loadDataKey(cachedOnly.id)).toEqual(cachedOnly.key);
    await a.store.remove([cachedOnly.id]);
    expect(await b.ring.loadDataKey(cachedOnly.id)).toEqual(cachedOnly.key);

    // A shred through the ring reaches the other process's cache.
    const shredded = await a.ring.createDataKey();
    expect(await b.ring.loadDataKey(shredded.id)).toEqual(shredded.key);
    const started = Date.now();
    expect(await a.ring.shredDataKeys([shredded.id])).toEqual([shredded.id]);
    while ((await b.ring.loadDataKey(shredded.id)) !== null) {
      expect(Date.now() - started).toBeLessThan(1000);
      await new Promise((r) => setTimeout(r, 10));
    }
  });
});

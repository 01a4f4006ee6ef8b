import { Injectable } from '@nestjs/common';
import { KeyStore } from '@webcare/platform';
import Redis from 'ioredis';
import { HealthRepository } from './health.repository';

const TIMEOUT_MS = 1500;

@Injectable()
export class HealthService {
  constructor(
    private readonly db: HealthRepository,
    private readonly redis: Redis,
    private readonly keyStore: KeyStore,
  ) {}

  /** The key store is a Postgres database too: without it no conversation can be read or filed. */
  async check(): Promise<{ status: 'ok' | 'unavailable'; postgres: boolean; redis: boolean }> {
    const [main, keys, redis] = await Promise.all([
      probe(() => this.db.ping()),
      probe(() => this.keyStore.ping()),
      probe(() => this.redis.ping()),
    ]);
    const postgres = main && keys;
    return { status: postgres && redis ? 'ok' : 'unavailable', postgres, redis };
  }
}

async function probe(fn: () => Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([fn(), new Promise((_, reject) => (timer = setTimeout(reject, TIMEOUT_MS)))]);
    return true;
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

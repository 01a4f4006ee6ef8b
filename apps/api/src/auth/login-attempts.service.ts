import { Inject, Injectable } from '@nestjs/common';
import { AppConfig, APP_CONFIG, DomainError, KeyRing, REDIS } from '@webcare/core';
import Redis from 'ioredis';

const WINDOW_SECONDS = 15 * 60;
const MAX_FAILURES_PER_ACCOUNT = 5;
const MAX_FAILURES_PER_ADDRESS = 30;

/** Counts failed logins in Redis (shared by all API instances); keys hold hashes, never emails or IPs. */
@Injectable()
export class LoginAttemptsService {
  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly keyRing: KeyRing,
  ) {}

  async assertAllowed(email: string, ip: string): Promise<void> {
    const [account, address] = await this.redis.mget(this.key('acct', email), this.key('ip', ip));
    if (Number(account) >= MAX_FAILURES_PER_ACCOUNT || Number(address) >= MAX_FAILURES_PER_ADDRESS) {
      throw new DomainError(
        'TOO_MANY_ATTEMPTS',
        'Too many failed logins; wait 15 minutes and try again',
        429,
      );
    }
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await this.redis
      .multi()
      .incr(this.key('acct', email))
      .expire(this.key('acct', email), WINDOW_SECONDS)
      .incr(this.key('ip', ip))
      .expire(this.key('ip', ip), WINDOW_SECONDS)
      .exec();
  }

  async reset(email: string): Promise<void> {
    await this.redis.del(this.key('acct', email));
  }

  private key(kind: string, value: string): string {
    return `${this.config.redisPrefix}:login-fail:${kind}:${this.keyRing.lookupHash(value.toLowerCase()).toString('hex').slice(0, 32)}`;
  }
}

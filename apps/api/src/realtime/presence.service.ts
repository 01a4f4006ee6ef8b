import { Injectable } from '@nestjs/common';
import { AppConfig } from '@webcare/platform';
import Redis from 'ioredis';

/** Seconds a "viewing" mark lives without a heartbeat: a closed tab clears itself. */
export const PRESENCE_TTL_SECONDS = 45;

/**
 * Who has a case open, so two agents do not answer the same question. Kept in Redis (shared by
 * all API instances) as user ids with an expiry per viewer; the key names only the case id.
 */
@Injectable()
export class PresenceService {
  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {}

  async enter(caseId: string, userId: string): Promise<string[]> {
    const key = this.key(caseId);
    const now = Date.now();
    await this.redis
      .multi()
      .zadd(key, now + PRESENCE_TTL_SECONDS * 1000, userId)
      .zremrangebyscore(key, 0, now)
      .expire(key, PRESENCE_TTL_SECONDS)
      .exec();
    return this.viewers(caseId);
  }

  async leave(caseId: string, userId: string): Promise<string[]> {
    await this.redis.zrem(this.key(caseId), userId);
    return this.viewers(caseId);
  }

  async viewers(caseId: string): Promise<string[]> {
    return this.redis.zrangebyscore(this.key(caseId), Date.now(), '+inf');
  }

  private key(caseId: string): string {
    return `${this.config.redisPrefix}:presence:case:${caseId}`;
  }
}

import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { AppConfig, createRedis } from '@webcare/platform';
import Redis from 'ioredis';
import { VerifiedToken } from './auth.types';
import { SessionRepository } from './session.repository';

/** How long a process trusts what it read about a user; revocations also arrive over Redis at once. */
export const SESSION_STATE_CACHE_MS = 1000;

interface CachedState {
  version: number;
  active: boolean;
  until: number;
}

/**
 * Decides whether a token still stands: its version must be the user's current one and the user
 * active. Reads are cached per process for at most a second; a revocation is published over Redis
 * (user id only) so every API instance drops its cache entry and closes that user's sockets.
 */
@Injectable()
export class SessionStateService implements OnModuleInit, OnApplicationShutdown {
  private readonly cache = new Map<string, CachedState>();
  private readonly pending = new Map<string, Promise<CachedState | null>>();
  private readonly listeners: ((userId: string) => void)[] = [];
  private subscriber: Redis | null = null;
  /** Bumped on every revocation, so a read that started before one is not cached after it. */
  private epoch = 0;
  private readonly channel: string;
  private readonly redisUrl: string;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly redis: Redis,
    config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:session-revoked`;
    this.redisUrl = config.redisUrl;
  }

  async onModuleInit(): Promise<void> {
    this.subscriber = createRedis(this.redisUrl, 'worker');
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, userId: string) => this.forget(userId));
    await this.subscriber.subscribe(this.channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }

  /** Called when a user's tokens were revoked elsewhere or here (e.g. to close their sockets). */
  onRevoked(listener: (userId: string) => void): void {
    this.listeners.push(listener);
  }

  async isCurrent(token: VerifiedToken): Promise<boolean> {
    if (token.expiresAt <= Date.now()) return false;
    const state = await this.state(token.user.id);
    return !!state && state.active && state.version === token.version;
  }

  /** After the version bump is committed: every instance forgets the user and closes their sockets. */
  async revoked(userId: string): Promise<void> {
    this.forget(userId);
    await this.redis.publish(this.channel, userId).catch(() => 0);
  }

  private forget(userId: string): void {
    this.epoch++;
    this.cache.delete(userId);
    this.pending.delete(userId);
    for (const listener of this.listeners) listener(userId);
  }

  private async state(userId: string): Promise<CachedState | null> {
    const cached = this.cache.get(userId);
    if (cached && cached.until > Date.now()) return cached;
    let inflight = this.pending.get(userId);
    if (!inflight) {
      const epoch = this.epoch;
      const read = this.sessions.state(userId).then((row) => {
        if (!row) return null;
        const fresh = {
          version: row.tokenVersion,
          active: row.active,
          until: Date.now() + SESSION_STATE_CACHE_MS,
        };
        if (epoch === this.epoch) {
          if (this.cache.size > 50_000) this.cache.clear();
          this.cache.set(userId, fresh);
        }
        return fresh;
      });
      inflight = read;
      this.pending.set(userId, read);
      const settle = () => {
        if (this.pending.get(userId) === read) this.pending.delete(userId);
      };
      read.then(settle, settle);
    }
    return inflight;
  }
}

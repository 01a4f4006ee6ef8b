import { Injectable, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

import { createRedis } from '../redis/redis.module';
import { KeyRing } from './key-ring.service';

/**
 * Keeps every process's key cache honest: a shred anywhere is published over Redis (key ids only)
 * and each api and worker process drops those keys from its cache at once.
 */
@Injectable()
export class KeyCacheSync implements OnModuleInit, OnApplicationShutdown {
  private subscriber: Redis | null = null;
  private readonly channel: string;

  constructor(
    private readonly keyRing: KeyRing,
    private readonly redis: Redis,
    private readonly config: AppConfig,
  ) {
    this.channel = `${config.redisPrefix}:data-keys-shredded`;
  }

  async onModuleInit(): Promise<void> {
    this.keyRing.onShred((ids) => void this.redis.publish(this.channel, ids.join(',')).catch(() => 0));
    this.subscriber = createRedis(this.config.redisUrl, 'worker');
    this.subscriber.on('error', () => undefined);
    this.subscriber.on('message', (_channel: string, ids: string) => this.keyRing.evict(ids.split(',')));
    await this.subscriber.subscribe(this.channel);
  }

  onApplicationShutdown(): void {
    this.subscriber?.disconnect();
  }
}

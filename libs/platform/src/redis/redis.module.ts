import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DefaultJobOptions, Queue } from 'bullmq';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

import { ALL_QUEUE_NAMES, QueueName } from '../jobs/job-catalogue';

export const QUEUES = Symbol('QUEUES');

/** Completed jobs vanish; failed ones keep only their id payload for inspection, and not forever. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 10,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: true,
  removeOnFail: { age: 7 * 24 * 3600, count: 10000 },
};

export function createRedis(url: string, purpose: 'command' | 'queue' | 'worker'): Redis {
  // Queue producers fail fast when Redis is down (the outbox keeps the work); workers wait for it.
  return new Redis(url, {
    maxRetriesPerRequest: purpose === 'worker' ? null : purpose === 'queue' ? 1 : 2,
    enableOfflineQueue: purpose !== 'queue',
    // Commands issued in the same tick (a batch's socket events) share one write.
    enableAutoPipelining: purpose === 'command',
    lazyConnect: false,
  });
}

@Global()
@Module({
  providers: [
    {
      provide: Redis,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const client = createRedis(config.redisUrl, 'command');
        client.on('error', () => undefined);
        return client;
      },
    },
    {
      provide: QUEUES,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => {
        const connection = createRedis(config.redisUrl, 'queue');
        connection.on('error', () => undefined);
        return new Map(
          ALL_QUEUE_NAMES.map((name) => [
            name,
            new Queue(name, {
              connection,
              prefix: config.redisPrefix,
              defaultJobOptions: DEFAULT_JOB_OPTIONS,
            }),
          ]),
        );
      },
    },
  ],
  exports: [Redis, QUEUES],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(
    private readonly redis: Redis,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close().catch(() => undefined)));
    this.redis.disconnect();
  }
}

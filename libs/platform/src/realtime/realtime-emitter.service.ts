import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

import { createRedis } from '../redis/redis.module';
import { SocketEventName, SocketEvents } from './socket-events';

/** Publishes socket.io events through Redis, so any process can reach clients of every API instance. */
@Injectable()
export class RealtimeEmitter implements OnApplicationShutdown {
  private readonly redis: Redis;
  private readonly emitter: Emitter;

  constructor(config: AppConfig) {
    this.redis = createRedis(config.redisUrl, 'command');
    this.redis.on('error', () => undefined);
    // Socket events are best effort (clients refetch on reconnect); the emitter drops the publish
    // promise, so a failed publish while Redis is away must not become an unhandled rejection.
    const publisher = {
      publish: (channel: string, message: Buffer | string) =>
        this.redis.publish(channel, message).catch(() => 0),
    };
    this.emitter = new Emitter(publisher, { key: `${config.redisPrefix}:socket.io` });
  }

  emit<E extends SocketEventName>(rooms: string[], event: E, payload: SocketEvents[E]): void {
    if (!rooms.length) return;
    this.emitter.to(rooms).emit(event, payload);
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}

import { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { AppConfig, createRedis } from '@webcare/platform';
import Redis from 'ioredis';
import { Server, ServerOptions } from 'socket.io';

/** socket.io over Redis pub/sub: every API instance and the worker's emitter share rooms. */
export class RedisIoAdapter extends IoAdapter {
  private adapterConstructor: ReturnType<typeof createAdapter>;
  private clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connectToRedis(): Promise<void> {
    const pub = createRedis(this.config.redisUrl, 'worker');
    const sub = pub.duplicate();
    for (const c of [pub, sub]) c.on('error', () => undefined);
    this.clients = [pub, sub];
    this.adapterConstructor = createAdapter(pub, sub, { key: `${this.config.redisPrefix}:socket.io` });
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, { ...options, serveClient: true });
    server.adapter(this.adapterConstructor);
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    for (const c of this.clients) c.disconnect();
  }
}

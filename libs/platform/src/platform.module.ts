import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { KeyCacheSync } from './crypto/key-cache-sync';
import { KeyRing } from './crypto/key-ring.service';
import { KeyStore } from './crypto/key-store';
import { dataSourceOptions } from './database/data-source';
import { OutboxRelay } from './outbox/outbox-relay.service';
import { RealtimeEmitter } from './realtime/realtime-emitter.service';
import { RedisModule } from './redis/redis.module';

/**
 * Configuration, the database connection, Redis, keys, the outbox and realtime emits: the
 * plumbing every app needs. Global because it is infrastructure; domain modules are not.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        ConfigModule.forRoot(config),
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config.databaseUrl),
          retryAttempts: 3,
          retryDelay: 1000,
        }),
        RedisModule,
      ],
      providers: [KeyStore, KeyCacheSync, KeyRing, RealtimeEmitter, OutboxRelay],
      exports: [KeyStore, KeyRing, RealtimeEmitter, OutboxRelay],
    };
  }
}

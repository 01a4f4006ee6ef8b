import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig, APP_CONFIG, REDIS } from '@webcare/platform';
import Redis from 'ioredis';
import { rateLimitOptions } from './rate-limit';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG, REDIS],
      useFactory: (config: AppConfig, redis: Redis) => rateLimitOptions(config, redis),
    }),
  ],
})
export class RateLimitModule {}

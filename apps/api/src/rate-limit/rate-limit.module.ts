import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfig } from '@webcare/platform';
import Redis from 'ioredis';
import { rateLimitOptions } from './rate-limit';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfig, Redis],
      useFactory: (config: AppConfig, redis: Redis) => rateLimitOptions(config, redis),
    }),
  ],
})
export class RateLimitModule {}

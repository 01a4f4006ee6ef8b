import { ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ThrottlerModuleOptions } from '@nestjs/throttler';
import { AppConfig } from '@webcare/platform';
import Redis from 'ioredis';
import { RedisThrottlerStorage } from './redis-throttler.storage';

const EXPENSIVE = 'rateLimit:expensive';

/** Routes that cost a lot (exports, erasures, sweeps, chain verification) get the strict limit. */
export const Expensive = () => SetMetadata(EXPENSIVE, true);

const WINDOW_MS = 60_000;

/**
 * Every /api route is limited per caller (the user once authenticated, else the address) and per
 * route, over a minute, counted in Redis so the limit holds across API instances.
 */
export function rateLimitOptions(config: AppConfig, redis: Redis): ThrottlerModuleOptions {
  const reflector = new Reflector();
  const expensive = (ctx: ExecutionContext) =>
    reflector.getAllAndOverride<boolean>(EXPENSIVE, [ctx.getHandler(), ctx.getClass()]) ?? false;
  return {
    storage: new RedisThrottlerStorage(redis, config.redisPrefix),
    errorMessage: 'Too many requests; wait a minute and try again',
    throttlers: [
      {
        name: 'default',
        ttl: WINDOW_MS,
        limit: (ctx) => (expensive(ctx) ? config.apiStrictRateLimit : config.apiRateLimit),
      },
    ],
    skipIf: (ctx) =>
      ctx.getType() !== 'http' ||
      !String(ctx.switchToHttp().getRequest<{ originalUrl?: string }>().originalUrl ?? '').startsWith('/api'),
    getTracker: (req: Record<string, unknown>) => {
      const user = req.user as { id?: string } | undefined;
      return user?.id ? `user:${user.id}` : `ip:${String(req.ip)}`;
    },
  };
}

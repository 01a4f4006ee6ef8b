import { Injectable } from '@nestjs/common';
import { AppConfig, KeyRing } from '@webcare/platform';
import Redis from 'ioredis';
import { IncomingMessage } from 'node:http';

/** Failed signatures one address may send per window before its deliveries are refused. */
export const SIGNATURE_FAILURE_LIMIT = 20;
const WINDOW_SECONDS = 60;

/**
 * Rate-limits addresses that keep sending badly signed webhooks (someone probing for the app
 * secret, or flooding the verifier). Failures are counted in Redis across API instances; the
 * decision to refuse is kept in this process, so deliveries with good signatures never wait on
 * Redis. Keys hold keyed hashes of addresses, never the addresses.
 */
@Injectable()
export class SignatureFailureLimiter {
  private readonly blockedUntil = new Map<string, number>();

  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly keyRing: KeyRing,
  ) {}

  isBlocked(req: IncomingMessage): boolean {
    const address = senderAddress(req);
    const until = this.blockedUntil.get(address);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.blockedUntil.delete(address);
    return false;
  }

  async recordFailure(req: IncomingMessage): Promise<void> {
    const address = senderAddress(req);
    const key = `${this.config.redisPrefix}:webhook-bad-signature:${this.keyRing.lookupHash(address).toString('hex').slice(0, 32)}`;
    const results = await this.redis.multi().incr(key).ttl(key).exec();
    const count = Number(results?.[0]?.[1] ?? 0);
    let ttl = Number(results?.[1]?.[1] ?? -1);
    if (ttl < 0) {
      await this.redis.expire(key, WINDOW_SECONDS);
      ttl = WINDOW_SECONDS;
    }
    if (count > SIGNATURE_FAILURE_LIMIT) {
      if (this.blockedUntil.size > 10_000) this.blockedUntil.clear();
      this.blockedUntil.set(address, Date.now() + Math.max(1, ttl) * 1000);
    }
  }
}

/** The sending address; a proxy on this host (loopback) may name the real one, as Express trusts it. */
function senderAddress(req: IncomingMessage): string {
  const remote = req.socket.remoteAddress ?? '';
  const loopback = remote === '::1' || remote.startsWith('127.') || remote.startsWith('::ffff:127.');
  const forwarded = req.headers['x-forwarded-for'];
  if (!loopback || !forwarded) return remote;
  const hops = (Array.isArray(forwarded) ? forwarded.join(',') : forwarded).split(',');
  return hops[hops.length - 1].trim() || remote;
}

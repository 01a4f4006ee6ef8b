import { Injectable } from '@nestjs/common';
import { AppConfig, KeyRing } from '@webcare/platform';
import Redis from 'ioredis';
import { LOGIN_BACKOFF } from './login-backoff';
import { authError, AuthErrorCode } from './auth.errors';

/**
 * Reserves a login attempt atomically (one Lua script), so parallel guesses cannot slip past the
 * count: refused while the account+address pair or the address is locked; otherwise counted as a
 * failure up front, and the attempt that reaches the limit locks the pair with a doubling backoff
 * (the same rule as loginLockMs).
 * Keyed by account AND address, so someone guessing elsewhere cannot lock a colleague out.
 * Returns 0 when allowed, else the milliseconds to wait.
 */
const RESERVE = `
local pairLockTtl = redis.call('PTTL', KEYS[2])
if pairLockTtl > 0 then return pairLockTtl end
local addrLockTtl = redis.call('PTTL', KEYS[4])
if addrLockTtl > 0 then return addrLockTtl end
local n = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[1])
local a = redis.call('INCR', KEYS[3])
redis.call('EXPIRE', KEYS[3], ARGV[1])
local over = n - tonumber(ARGV[2])
if over >= 0 then
  local lock = math.min(tonumber(ARGV[4]), tonumber(ARGV[3]) * 2 ^ math.min(over, 20))
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(lock))
end
if a >= tonumber(ARGV[5]) then
  redis.call('SET', KEYS[4], '1', 'PX', ARGV[6])
end
return 0
`;

/** Counts live in Redis (shared by all API instances); keys hold keyed hashes, never emails or IPs. */
@Injectable()
export class LoginAttemptsService {
  constructor(
    private readonly redis: Redis,
    private readonly config: AppConfig,
    private readonly keyRing: KeyRing,
  ) {}

  /** Counts this attempt as a failure until `succeeded` says otherwise; 429 while locked. */
  async reserve(email: string, ip: string): Promise<void> {
    const waitMs = Number(
      await this.redis.eval(
        RESERVE,
        4,
        ...this.keys(email, ip),
        LOGIN_BACKOFF.windowSeconds,
        LOGIN_BACKOFF.freeAttempts,
        LOGIN_BACKOFF.firstLockMs,
        LOGIN_BACKOFF.maxLockMs,
        LOGIN_BACKOFF.maxFailuresPerAddress,
        LOGIN_BACKOFF.windowSeconds * 1000,
      ),
    );
    if (waitMs > 0) {
      throw authError(
        AuthErrorCode.TooManyAttempts,
        `Too many failed logins; try again in ${Math.ceil(waitMs / 1000)} seconds`,
      );
    }
  }

  /** A good password clears the pair's count and gives the address its attempt back. */
  async succeeded(email: string, ip: string): Promise<void> {
    const [pair, pairLock, address] = this.keys(email, ip);
    await this.redis.multi().del(pair, pairLock).decr(address).exec();
  }

  private keys(email: string, ip: string): [string, string, string, string] {
    const pair = this.hash(`${email.toLowerCase()}\u001f${ip}`);
    const address = this.hash(ip);
    const base = `${this.config.redisPrefix}:login-fail`;
    return [
      `${base}:pair:${pair}`,
      `${base}:pair-lock:${pair}`,
      `${base}:ip:${address}`,
      `${base}:ip-lock:${address}`,
    ];
  }

  private hash(value: string): string {
    return this.keyRing.lookupHash(value).toString('hex').slice(0, 32);
  }
}

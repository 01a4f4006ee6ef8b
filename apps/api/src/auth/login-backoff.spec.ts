import { LOGIN_BACKOFF, loginLockMs } from './login-backoff';

describe('login backoff', () => {
  it('lets the free attempts through, then doubles the lock up to its cap', () => {
    const locks = Array.from({ length: 12 }, (_, i) => loginLockMs(i + 1));
    expect(locks.slice(0, LOGIN_BACKOFF.freeAttempts - 1)).toEqual([0, 0, 0, 0]);
    expect(locks.slice(4, 8)).toEqual([30_000, 60_000, 120_000, 240_000]);
    expect(Math.max(...locks)).toBe(LOGIN_BACKOFF.maxLockMs);
    expect(loginLockMs(10_000)).toBe(LOGIN_BACKOFF.maxLockMs);
  });
});

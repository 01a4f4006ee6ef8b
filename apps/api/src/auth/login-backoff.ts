/** Login throttling: a few free attempts per account and address, then a lock that doubles. */
export const LOGIN_BACKOFF = {
  /** Failures forgotten after this long without another one. */
  windowSeconds: 60 * 60,
  freeAttempts: 5,
  firstLockMs: 30_000,
  maxLockMs: 15 * 60_000,
  /** Failures from one address across all accounts (a school's NAT has many staff behind it). */
  maxFailuresPerAddress: 100,
};

/** How long the attempt numbered `failures` (1-based) locks its account+address pair; 0 = none. */
export function loginLockMs(failures: number): number {
  const over = failures - LOGIN_BACKOFF.freeAttempts;
  if (over < 0) return 0;
  return Math.min(LOGIN_BACKOFF.maxLockMs, LOGIN_BACKOFF.firstLockMs * 2 ** Math.min(over, 20));
}

import { DateTime, Duration } from 'luxon';

/**
 * Retention arithmetic, pure: no clock, no database. Periods are ISO-8601 durations in the
 * designator form Postgres also reads as an interval (`P30D`, `P1Y6M`, `PT5S`), so the sweep can
 * do the same arithmetic in SQL (`answered_at + period::interval`).
 */
const ISO_DESIGNATORS = /^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$/;

/** How long a deletion receipt is kept (proof of deletion), after which the sweep expires it. */
export const RECEIPT_KEEP_PERIOD = 'P2Y';

export type DeletionReason = 'retention' | 'unanswered' | 'erasure';

/** A positive ISO-8601 duration that both luxon and Postgres understand the same way. */
export function isValidPeriod(value: unknown): value is string {
  if (typeof value !== 'string' || !ISO_DESIGNATORS.test(value)) return false;
  const d = Duration.fromISO(value);
  return d.isValid && d.as('milliseconds') > 0;
}

function duration(period: string): Duration {
  if (!isValidPeriod(period)) throw new Error(`not an ISO-8601 duration: ${JSON.stringify(period)}`);
  return Duration.fromISO(period);
}

/** `at` plus an ISO period, calendar-aware (P1M from 31 January is the end of February). */
export function addPeriod(at: Date, period: string): Date {
  return DateTime.fromJSDate(at, { zone: 'utc' }).plus(duration(period)).toJSDate();
}

/** The period a channel account applies today: its own override, else its channel's default. */
export function effectivePeriod(p: { channelDefault: string; accountOverride?: string | null }): string {
  return p.accountOverride ?? p.channelDefault;
}

/**
 * When an answered case must be gone: answeredAt + the shorter of the communicated period and
 * the current policy. A later, shorter policy applies; a longer one never silently extends what
 * the person was told. Without a communicated period (no notice recorded) the current policy rules.
 */
export function retainUntil(p: {
  answeredAt: Date;
  communicatedPeriod: string | null | undefined;
  currentPolicyPeriod: string;
}): Date {
  const byPolicy = addPeriod(p.answeredAt, p.currentPolicyPeriod);
  if (!p.communicatedPeriod) return byPolicy;
  const byNotice = addPeriod(p.answeredAt, p.communicatedPeriod);
  return byNotice.getTime() <= byPolicy.getTime() ? byNotice : byPolicy;
}

/** A case nobody answered is deleted once its first message is older than the maximum age. */
export function isUnansweredExpired(firstInboundAt: Date, maxAge: string, now: Date): boolean {
  return addPeriod(firstInboundAt, maxAge).getTime() <= now.getTime();
}

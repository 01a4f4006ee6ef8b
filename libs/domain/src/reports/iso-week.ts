import { DateTime } from 'luxon';

/** ISO weeks in UTC: a week is named `2026-W05` and starts on its Monday 00:00 UTC. */
export interface IsoWeek {
  /** `YYYY-Www` */
  name: string;
  /** Monday, `YYYY-MM-DD` */
  start: string;
}

/** Every ISO week touched by [from, to] (dates `YYYY-MM-DD`, inclusive): the range widened to whole weeks. */
export function isoWeeksBetween(from: string, to: string): IsoWeek[] {
  const weeks: IsoWeek[] = [];
  let cursor = DateTime.fromISO(from, { zone: 'utc' }).startOf('week');
  const end = DateTime.fromISO(to, { zone: 'utc' });
  while (cursor <= end) {
    weeks.push({ name: cursor.toFormat("kkkk-'W'WW"), start: cursor.toISODate()! });
    cursor = cursor.plus({ weeks: 1 });
  }
  return weeks;
}

/** Sunday of the week that starts on `start`. */
export function weekEnd(start: string): string {
  return DateTime.fromISO(start, { zone: 'utc' }).plus({ days: 6 }).toISODate()!;
}

/**
 * A week's figures are fixed (sealed) once it has been over for `lagDays`: late closes in that
 * time still count, and a sealed week never changes again, so two reports cannot be differenced.
 */
export function isSealable(start: string, now: Date, lagDays: number): boolean {
  const sealAt = DateTime.fromISO(start, { zone: 'utc' }).plus({ weeks: 1, days: lagDays });
  return DateTime.fromJSDate(now, { zone: 'utc' }) >= sealAt;
}

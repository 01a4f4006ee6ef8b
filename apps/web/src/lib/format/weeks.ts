/** ISO weeks: reports take whole weeks, Monday to Sunday, as YYYY-MM-DD in UTC. */
const DAY = 86_400_000;

export function toDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function mondayOf(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const offset = (d.getUTCDay() + 6) % 7;
  return toDay(new Date(d.getTime() - offset * DAY));
}

export function sundayOf(day: string): string {
  return toDay(new Date(Date.parse(`${mondayOf(day)}T00:00:00Z`) + 6 * DAY));
}

/** The last `weeks` whole weeks up to and including the week of `today`. */
export function lastWeeks(weeks: number, today = toDay(new Date())): { from: string; to: string } {
  const to = sundayOf(today);
  const from = toDay(new Date(Date.parse(`${mondayOf(today)}T00:00:00Z`) - (weeks - 1) * 7 * DAY));
  return { from, to };
}

import { Duration } from 'luxon';
import type { ReplyLanguage } from './detect-language';

type Unit = 'years' | 'months' | 'weeks' | 'days' | 'hours' | 'minutes' | 'seconds';

const UNITS: Unit[] = ['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'seconds'];

// [singular, plural]; Dutch keeps "jaar" and "uur" after a number ("2 jaar", "3 uur").
const WORDS: Record<ReplyLanguage, Record<Unit, [string, string]>> = {
  nl: {
    years: ['jaar', 'jaar'],
    months: ['maand', 'maanden'],
    weeks: ['week', 'weken'],
    days: ['dag', 'dagen'],
    hours: ['uur', 'uur'],
    minutes: ['minuut', 'minuten'],
    seconds: ['seconde', 'seconden'],
  },
  en: {
    years: ['year', 'years'],
    months: ['month', 'months'],
    weeks: ['week', 'weeks'],
    days: ['day', 'days'],
    hours: ['hour', 'hours'],
    minutes: ['minute', 'minutes'],
    seconds: ['second', 'seconds'],
  },
};

const AND: Record<ReplyLanguage, string> = { nl: 'en', en: 'and' };

/**
 * "P1M15D" → "1 maand en 15 dagen" / "1 month and 15 days". Units are kept as written (P14D stays
 * 14 days, not 2 weeks) because the text must match the period the policy communicates.
 */
export function humanizeDuration(period: string, lang: ReplyLanguage): string {
  const duration = Duration.fromISO(period);
  const values = duration.toObject();
  // Luxon accepts a bare "P"; ISO-8601 requires at least one component.
  if (!duration.isValid || Object.keys(values).length === 0) {
    throw new RangeError(`Not an ISO-8601 duration: ${period}`);
  }
  // Luxon splits "PT0.5S" into seconds and milliseconds; fold them back for display.
  const amounts: Partial<Record<Unit, number>> = {
    ...values,
    seconds: (values.seconds ?? 0) + (values.milliseconds ?? 0) / 1000,
  };
  if (UNITS.some((unit) => (amounts[unit] ?? 0) < 0)) {
    throw new RangeError(`Retention period must not be negative: ${period}`);
  }
  const parts = UNITS.filter((unit) => (amounts[unit] ?? 0) > 0).map((unit) => {
    const amount = amounts[unit] as number;
    const [singular, plural] = WORDS[lang][unit];
    return `${formatNumber(amount, lang)} ${amount === 1 ? singular : plural}`;
  });
  if (parts.length === 0) return `0 ${WORDS[lang].days[1]}`;
  return joinList(parts, AND[lang]);
}

function formatNumber(n: number, lang: ReplyLanguage): string {
  return lang === 'nl' ? String(n).replace('.', ',') : String(n);
}

function joinList(parts: string[], and: string): string {
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

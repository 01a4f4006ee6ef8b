import { derived } from 'svelte/store';
import { locale } from 'svelte-i18n';

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400],
  ['month', 30 * 86400],
  ['week', 7 * 86400],
  ['day', 86400],
  ['hour', 3600],
  ['minute', 60],
];

/** Dates, times and numbers through Intl in the chosen language. */
export function formatters(lang: string) {
  const tag = lang === 'en' ? 'en-GB' : 'nl-NL';
  const dateTime = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short' });
  const date = new Intl.DateTimeFormat(tag, { dateStyle: 'medium' });
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto', style: 'short' });
  const number = new Intl.NumberFormat(tag);
  const percent = new Intl.NumberFormat(tag, { style: 'percent', maximumFractionDigits: 0 });
  const valid = (iso: string | null | undefined) => (iso ? !Number.isNaN(Date.parse(iso)) : false);
  return {
    dateTime: (iso: string | null | undefined) => (valid(iso) ? dateTime.format(Date.parse(iso!)) : ''),
    date: (iso: string | null | undefined) => (valid(iso) ? date.format(Date.parse(iso!)) : ''),
    number: (n: number) => number.format(n),
    percent: (n: number) => percent.format(n),
    relative(iso: string, now = Date.now()): string {
      if (!valid(iso)) return '';
      const seconds = Math.round((Date.parse(iso) - now) / 1000);
      for (const [unit, size] of UNITS) {
        if (Math.abs(seconds) >= size || unit === 'minute') return relative.format(Math.round(seconds / size), unit);
      }
      return '';
    },
  };
}

export type Formatters = ReturnType<typeof formatters>;
export const fmt = derived(locale, (lang) => formatters(lang ?? 'nl'));

import { derived, get } from 'svelte/store';
import { _, addMessages, init, locale } from 'svelte-i18n';
import en from './en.json';
import nl from './nl.json';

export type Locale = 'nl' | 'en';
export type MessageKey = keyof typeof nl;
export const LOCALES: Locale[] = ['nl', 'en'];
const LAST_KEY = 'webcare.locale';
const userKey = (userId: string) => `webcare.locale.${userId}`;

addMessages('nl', nl);
addMessages('en', en);

function stored(key: string): Locale | null {
  const v = typeof localStorage === 'undefined' ? null : localStorage.getItem(key);
  return v === 'nl' || v === 'en' ? v : null;
}

/** Dutch unless this browser last chose English. */
export function setupI18n(initial?: Locale): void {
  init({ fallbackLocale: 'nl', initialLocale: initial ?? stored(LAST_KEY) ?? 'nl' });
}

/** Applies the language a user chose before, once they are known. */
export function useUserLocale(userId: string): void {
  const chosen = stored(userKey(userId));
  if (chosen) setLocale(chosen);
}

/** Switches language and remembers it for this user (and for the login page of this browser). */
export function setLocale(next: Locale, userId?: string): void {
  locale.set(next);
  if (typeof localStorage === 'undefined') return;
  localStorage.setItem(LAST_KEY, next);
  if (userId) localStorage.setItem(userKey(userId), next);
}

export function currentLocale(): Locale {
  return get(locale) === 'en' ? 'en' : 'nl';
}

type Values = Record<string, string | number | null | undefined | Date>;

/** `$t('key', { n: 2 })`: the catalogue message for a typed key. */
export const t = derived(_, (format) => (key: MessageKey, values?: Values) => format(key, { values }));
export { locale };

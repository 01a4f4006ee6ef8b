import { get } from 'svelte/store';
import { afterEach, describe, expect, it } from 'vitest';
import { locale, setLocale, setupI18n, t, useUserLocale } from './index';

describe('language choice', () => {
  afterEach(() => {
    localStorage.clear();
    setLocale('en');
  });

  it('starts in Dutch and remembers a user’s choice for that user only', () => {
    localStorage.clear();
    setupI18n();
    expect(get(locale)).toBe('nl');
    expect(get(t)('auth.submit')).toBe('Inloggen');
    setLocale('en', 'user-a');
    expect(get(t)('auth.submit')).toBe('Log in');
    setLocale('nl', 'user-b');
    useUserLocale('user-a');
    expect(get(locale)).toBe('en');
    useUserLocale('user-b');
    expect(get(locale)).toBe('nl');
  });

  it('formats plurals per language', () => {
    setLocale('nl');
    expect(get(t)('case.presence', { n: 2 })).toBe("Kijkt ook mee: 2 collega's");
    setLocale('en');
    expect(get(t)('case.presence', { n: 1 })).toBe('Also viewing: 1 colleague');
  });
});

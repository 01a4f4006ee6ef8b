import { detectPhones } from './phone.detector';
import { detectUrls } from './url.detector';
import { normalizeEntityValue } from '../normalize';

const phones = (text: string, allow?: { phones?: string[] }, lang?: 'en' | 'nl'): string[] =>
  detectPhones({ text, options: { allow, lang } }).map((c) => text.slice(c.start, c.end));

describe('phone detector', () => {
  it.each([
    ['bel 0612345678 aub', '0612345678'],
    ['bel 06-12345678 aub', '06-12345678'],
    ['bel 06 12 34 56 78 aub', '06 12 34 56 78'],
    ['bel 06-1234 5678.', '06-1234 5678'],
    ['bel +31 6 1234 5678!', '+31 6 1234 5678'],
    ['bel +31612345678', '+31612345678'],
    ['bel 0031 6 1234 5678', '0031 6 1234 5678'],
    ['bel +31 (0)6 1234 5678', '+31 (0)6 1234 5678'],
    ['werk (010) 477 3812.', '(010) 477 3812'],
    ['bel 050 - 318 22 47?', '050 - 318 22 47'],
    ['vast 020-6243918', '020-6243918'],
    ['call +44 20 7946 0958', '+44 20 7946 0958'],
    ['call +49 171 5582934', '+49 171 5582934'],
    ['call +234 803 517 2249', '+234 803 517 2249'],
    ['belgisch 0478/52.81.09', '0478/52.81.09'],
  ])('finds the phone in %j', (text, expected) => expect(phones(text)).toEqual([expected]));

  it.each([
    'studentnummer 500812347',
    'geboren 04-11-2006',
    'zaak 2025-01477',
    'om 19:00 tot 21:30',
    '€ 14.700',
  ])('ignores %j', (text) => expect(phones(text)).toEqual([]));

  it('skips the institution numbers (088, 0800, 0900) and allow-listed ones', () => {
    expect(phones('bel 088 - 469 6600 of 0800-0123 of 0900 1234567')).toEqual([]);
    expect(phones('bel 030 123 4567', { phones: ['+31301234567'] })).toEqual([]);
  });

  it('treats wa.me links as phone numbers', () => {
    const text = 'app me via wa.me/31612345678 😊';
    const [c] = detectUrls({ text, options: {} });
    expect(c.type).toBe('PHONE');
    expect(text.slice(c.start, c.end)).toBe('wa.me/31612345678');
    expect(normalizeEntityValue('PHONE', 'wa.me/31612345678')).toBe('+31612345678');
  });

  it('normalizes every form to E.164', () => {
    for (const v of ['06-12345678', '+31 6 1234 5678', '0031612345678', '+31 (0)6 12345678']) {
      expect(normalizeEntityValue('PHONE', v)).toBe('+31612345678');
    }
  });
});

describe('Dutch mobile shape', () => {
  it('treats 06 plus eight digits as a phone even outside assigned ranges', () => {
    expect(phones('bel 06-76985914.')).toEqual(['06-76985914']);
  });
});

describe('North American numbers (NANP: area codes start with 2-9)', () => {
  it.each([
    ['call (212) 555-0123 today', '(212) 555-0123'],
    ['call (212)555-0123 today', '(212)555-0123'],
    ['call 212.555.0199 today', '212.555.0199'],
    ['call 212-555-0199 today', '212-555-0199'],
    ['call 212 555 0199 today', '212 555 0199'],
    ['call 212/555-0199 today', '212/555-0199'],
    ['call +1 212 555 0199 today', '+1 212 555 0199'],
    ['call +1 (212) 555-0199 today', '+1 (212) 555-0199'],
    ['call +1.212.555.0199 today', '+1.212.555.0199'],
    ['call 1-800-555-0199 today', '1-800-555-0199'],
    ['call 1 (800) 555-0199 today', '1 (800) 555-0199'],
    ['call 001-800-555-0199 today', '001-800-555-0199'],
    ['emergency contact (1-888-555-0142)', '1-888-555-0142'],
    ['office: 212-555-0199 ext. 204.', '212-555-0199 ext. 204'],
    ['office: (212) 555-0199 x31', '(212) 555-0199 x31'],
    ['my phone is 2125550199', '2125550199'],
  ])('finds the phone in %j', (text, expected) => expect(phones(text)).toEqual([expected]));

  it.each([
    'order 2125550199 shipped',
    'room 123-456-7890',
    'from 2015-2019 and 2021-2023',
    'it costs $1,299.99 or 1.299,99',
    'open 09:00-17:30',
    'tracking 1Z 999 AA1 01 2345 6784',
    'Springfield, MA 05828-4998',
  ])('ignores %j', (text) => expect(phones(text, undefined, 'en')).toEqual([]));
});

describe('international numbers (E.164, national grouping, trunk zero in brackets)', () => {
  it.each([
    ['call +44 20 7946 0958', '+44 20 7946 0958'],
    ['call +44 (0)20 7946 0958', '+44 (0)20 7946 0958'],
    ['call +49 30 1234567', '+49 30 1234567'],
    ['call +49 (0)30 2345678', '+49 (0)30 2345678'],
    ['bel +31 (0)20 5877941 aub', '+31 (0)20 5877941'],
    ['call +33 1 42 68 53 00', '+33 1 42 68 53 00'],
    ['call +91 98765 43210', '+91 98765 43210'],
    ['call +61 2 9876 5432', '+61 2 9876 5432'],
    ['call +55 11 95826-1148', '+55 11 95826-1148'],
  ])('finds the phone in %j', (text, expected) => expect(phones(text)).toEqual([expected]));

  it('reads an eleven-digit British national number in English text', () => {
    expect(phones('ring me on 020 7946 0958', undefined, 'en')).toEqual(['020 7946 0958']);
    expect(phones('ring me on 07911 123456', undefined, 'en')).toEqual(['07911 123456']);
  });
});

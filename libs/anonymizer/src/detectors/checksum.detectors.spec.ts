import { bsnValid, detectBsns } from './bsn.detector';
import { detectCreditCards } from './credit-card.detector';
import { detectIbans } from './iban.detector';
import { luhnValid } from './luhn';
import type { Candidate } from './candidate';

const found = (fn: (ctx: { text: string; options: object }) => Candidate[], text: string): string[] =>
  fn({ text, options: {} }).map((c) => text.slice(c.start, c.end));

describe('BSN 11-proof', () => {
  it.each(['111222333', '123456782', '437597593', '521 283 735', '2961.95.170'])('accepts %s', (v) =>
    expect(bsnValid(v)).toBe(true),
  );
  it.each(['123456789', '111222334', '000000000', '12345'])('rejects %s', (v) =>
    expect(bsnValid(v)).toBe(false),
  );

  it('finds valid BSNs in text, with or without cue', () => {
    expect(found(detectBsns, 'mijn bsn is 111222333.')).toEqual(['111222333']);
    expect(found(detectBsns, 'nummer 521 283 735 graag')).toEqual(['521 283 735']);
  });

  it('ignores invalid numbers and numbers cued as something else', () => {
    expect(found(detectBsns, 'bsn 123456789')).toEqual([]);
    expect(found(detectBsns, 'studentnummer 111222333')).toEqual([]);
  });

  it('does not take digits out of a longer phone number', () => {
    expect(found(detectBsns, 'bel +233 24 418 9936 aub')).toEqual([]);
    // "20 1234567" would pass the 11-proof: after a "(0)" trunk it is the rest of a phone number.
    expect(bsnValid('201234567')).toBe(true);
    expect(found(detectBsns, 'bel +31 (0)20 1234567 aub')).toEqual([]);
    expect(bsnValid('754763134')).toBe(true);
    expect(found(detectBsns, 'Portland, OR 75476-3134')).toEqual([]);
  });
});

describe('IBAN', () => {
  it('accepts valid IBANs, compact or grouped', () => {
    expect(found(detectIbans, 'rekening NL91ABNA0417164300 graag')).toEqual(['NL91ABNA0417164300']);
    expect(found(detectIbans, 'IBAN NL91 ABNA 0417 1643 00.')).toEqual(['NL91 ABNA 0417 1643 00']);
    expect(found(detectIbans, 'vanaf BE71 0961 2345 6769?')).toEqual(['BE71 0961 2345 6769']);
    expect(found(detectIbans, 'DE89370400440532013000')).toEqual(['DE89370400440532013000']);
  });
  it('rejects a wrong checksum', () => {
    expect(found(detectIbans, 'NL92ABNA0417164300')).toEqual([]);
  });
  it('accepts an IBAN whose mod-97 check holds even when the national check digit does not', () => {
    const bban = '30006000011234567890100'; // French BBAN with a wrong RIB key
    const iban = `FR${checkDigits('FR', bban)}${bban}`;
    expect(found(detectIbans, `IBAN ${iban} thanks`)).toEqual([iban]);
    const grouped = iban.replace(/(.{4})/g, '$1 ').trim();
    expect(found(detectIbans, `IBAN ${grouped}.`)).toEqual([grouped]);
  });
});

describe('payment cards (Luhn)', () => {
  it('checks Luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
  it('finds cards with and without spaces', () => {
    expect(found(detectCreditCards, 'Visa 4111 1111 1111 1111 exp 09/27')).toEqual(['4111 1111 1111 1111']);
    expect(found(detectCreditCards, 'card 5555555555554444.')).toEqual(['5555555555554444']);
  });
  // Issuer ranges (IIN) with each brand's length and printed grouping; the last digit is the Luhn check.
  it.each([
    ['Visa', '4', 16, [4, 4, 4, 4]],
    ['Visa 13', '4', 13, [4, 4, 5]],
    ['Mastercard', '53', 16, [4, 4, 4, 4]],
    ['Mastercard 2-series', '2720', 16, [4, 4, 4, 4]],
    ['Amex', '37', 15, [4, 6, 5]],
    ['Discover', '6011', 16, [4, 4, 4, 4]],
    ['Discover 644', '644', 16, [4, 4, 4, 4]],
    ['JCB', '3530', 16, [4, 4, 4, 4]],
    ['Diners', '36', 14, [4, 6, 4]],
    ['Diners 300', '301', 14, [4, 6, 4]],
    ['UnionPay 19', '62', 19, [4, 4, 4, 4, 3]],
    ['Maestro', '6759', 16, [4, 4, 4, 4]],
  ] as Array<[string, string, number, number[]]>)(
    'finds %s numbers with spaces, dashes or none',
    (_, prefix, length, groups) => {
      const digits = withLuhn(prefix + '7305918264051739'.slice(0, length - prefix.length - 1));
      for (const sep of [' ', '-', '']) {
        let at = 0;
        const value = groups.map((g) => digits.slice(at, (at += g))).join(sep);
        expect(found(detectCreditCards, `card ${value}, thanks`)).toEqual([value]);
      }
    },
  );
  it('ignores numbers failing Luhn or without issuer prefix', () => {
    expect(found(detectCreditCards, '4111 1111 1111 1112')).toEqual([]);
    expect(found(detectCreditCards, '9999 9999 9999 9995')).toEqual([]);
  });
});

/** Completes a card number with its Luhn check digit. */
function withLuhn(body: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
  throw new Error('unreachable');
}

/** ISO 13616 check digits: 98 minus the mod-97 remainder of BBAN + country + "00" in digits. */
function checkDigits(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const c of numeric) rest = (rest * 10 + Number(c)) % 97;
  return String(98 - rest).padStart(2, '0');
}

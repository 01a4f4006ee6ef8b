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
  it('ignores numbers failing Luhn or without issuer prefix', () => {
    expect(found(detectCreditCards, '4111 1111 1111 1112')).toEqual([]);
    expect(found(detectCreditCards, '9999 9999 9999 9995')).toEqual([]);
  });
});

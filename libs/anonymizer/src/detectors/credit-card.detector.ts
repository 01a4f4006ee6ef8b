import { luhnValid } from './luhn';
import { matched, PRIORITY, type Candidate, type DetectorContext } from './candidate';

/**
 * Digit groups as cards are printed and typed: 4-4-4-4(-3), Amex 4-6-5, Diners 4-6-4, Visa 4-4-5,
 * or one run; each separator a single space or dash.
 */
const CANDIDATE = /(?<![\d-])\d{4}(?:[ -]?\d{3,6}){1,3}(?:[ -]?\d{1,4})?(?![\d-])/g;
/**
 * Issuer ranges (IIN): Visa 4; Mastercard 51-55 and 2221-2720; Mir 2200-2204; Amex 34, 37;
 * Diners 300-305, 3095, 36, 38-39; JCB 3528-3589; Discover 6011, 644-649, 65; UnionPay 62, 81;
 * Maestro 50, 56-69.
 */
const ISSUER =
  /^(?:4|5[0-8]|2(?:2[2-9]|[3-6]\d|7[01]|720|20[0-4])|3[47]|3(?:0[0-5]|095|[689])|35(?:2[89]|[3-8]\d)|6|81)/;

/** Payment card numbers: 13-19 digits, a known issuer range, valid Luhn checksum. */
export function detectCreditCards({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !ISSUER.test(digits) || !luhnValid(digits)) continue;
    out.push(matched('CREDIT_CARD', m, PRIORITY.checksum));
  }
  return out;
}

import { luhnValid } from './luhn';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const CANDIDATE = /(?<![\d-])\d{4}(?:[ -]?\d{3,4}){2,3}(?:[ -]?\d{1,4})?(?![\d-])/g;
/** Issuer prefixes: Visa, Mastercard (51-55, 2221-2720), Amex, Discover/Maestro. */
const ISSUER = /^(?:4|5[1-5]|2[2-7]|3[47]|6|50|5[6-8])/;

/** Payment card numbers: 13-19 digits, plausible issuer prefix, valid Luhn checksum. */
export function detectCreditCards({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    const digits = m[0].replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19 || !ISSUER.test(digits) || !luhnValid(digits)) continue;
    out.push({
      type: 'CREDIT_CARD',
      start: m.index,
      end: m.index + m[0].length,
      priority: PRIORITY.checksum,
    });
  }
  return out;
}

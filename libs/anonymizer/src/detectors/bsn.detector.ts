import { isUsZipPlus4 } from './address.detector';
import { before, PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Nine digits, optionally grouped with spaces, dots or hyphens (437597593, 521 283 735, 2961.95.170). */
// Not right after the "(0)" of an international phone number ("+31 (0)20 1234567").
const CANDIDATE =
  /(?<![\p{L}\p{N}.,/+€$-]|\d[ .-]|\(0\)[ \t]?)\d(?:[ .-]?\d){7,8}(?![\p{L}\p{N}]|[ .,/-]\d)/gu;
const BSN_CUE =
  /\b(?:bsn|burgerservicenummer|burger service nummer|sofi-?nummer|sofinummer|citizen service number|social security number)\b/;
/** Cues that make a nine-digit number something else (student numbers, cases, documents). */
const OTHER_CUE =
  /\b(?:student|studentnummer|studentnr|stud\.?\s?nr|application|aanmeld|zaak|ticket|case|dossier|order|factuur|invoice|klant|rijbewijs|paspoort|passport|document|v-?nummer|v-?number|kenmerk|referentie|reference)\w*\W*$/;

/** BSN 11-proof: 9·d1 + 8·d2 + … + 2·d8 − d9 ≡ 0 (mod 11). */
export function bsnValid(raw: string): boolean {
  let digits = raw.replace(/\D/g, '');
  if (digits.length === 8) digits = '0' + digits;
  if (digits.length !== 9 || /^0+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * (digits.charCodeAt(i) - 48);
  sum -= digits.charCodeAt(8) - 48;
  return sum % 11 === 0;
}

/**
 * Citizen service numbers: the 11-proof must hold. A BSN cue nearby decides; without any cue
 * a valid number still counts (leaking a BSN costs more than a false flag), unless another
 * number cue (student number, case number, passport …) stands right before it.
 */
export function detectBsns({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{3}/.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    if (!bsnValid(m[0]) || isUsZipPlus4(text, m.index, m[0])) continue;
    const ctx = before(text, m.index, 60);
    if (!BSN_CUE.test(ctx) && OTHER_CUE.test(before(text, m.index, 30))) continue;
    out.push({ type: 'BSN', start: m.index, end: m.index + m[0].length, priority: PRIORITY.checksum });
  }
  return out;
}

import { matched, PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Cue words for identity documents and immigration numbers. */
const CUE =
  /\b(?:paspoort(?:nummer|nr)?|passport(?: number| no| nr| id)?|documentnummer|document number|id-?kaart(?:nummer)?|identiteitskaart(?:nummer)?|id[- ]?card(?: number)?|id[- ]?(?:number|nummer|nr)|rijbewijs(?:nummer|nr)?|driv(?:ing|er'?s) licen[cs]e(?: number| no)?|v-?nummer|v-?number|vreemdelingennummer|rijksregisternummer|national (?:register|registry|id|identity|insurance) number|ni number|ssn|social security (?:number|no)|residence permit number|verblijfsvergunning(?:nummer)?)\b\.?/gi;
const VALUE =
  /^[\s:#=.]*(?:(?:is|was|nummer|number|nr|no)\b[\s:.]*){0,3}([A-Z0-9](?:[A-Z0-9]|[.-](?=[A-Z0-9])){4,18})/i;
/** Dutch passport / ID card document numbers: two letters, six letters or digits, one digit. */
const NL_DOCUMENT = /\b[A-NP-Z]{2}[A-NP-Z0-9]{6}\d\b/g;
/** US social security numbers as printed: area 001-899 but not 666, group 01-99, serial 0001-9999. */
const US_SSN = /(?<![\d-])(?!000|666|9)\d{3}-(?!00)\d{2}-(?!0000)\d{4}(?![\d-])/g;
/**
 * UK National Insurance numbers: two prefix letters (not D, F, I, Q, U or V; the second not O;
 * never BG, GB, KN, NK, NT, TN or ZZ), six digits in pairs, suffix A-D.
 */
const UK_NINO =
  /\b(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/g;

function looksLikeDocumentNumber(value: string): boolean {
  const digits = value.replace(/\D/g, '').length;
  return digits >= 5 || (digits >= 2 && /[A-Z]/i.test(value) && value.length >= 6);
}

/** Passport, ID card, driving licence, V-numbers and foreign national numbers (US SSN, UK NINO). */
export function detectIdNumbers({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d/.test(text)) return out;
  for (const m of text.matchAll(CUE)) {
    const after = m.index + m[0].length;
    const v = VALUE.exec(text.slice(after, after + 40));
    if (!v || !looksLikeDocumentNumber(v[1])) continue;
    const start = after + v[0].length - v[1].length;
    out.push({ type: 'ID_NUMBER', start, end: start + v[1].length, priority: PRIORITY.structured + 5 });
  }
  for (const m of text.matchAll(NL_DOCUMENT)) {
    const digits = m[0].replace(/\D/g, '').length;
    if (digits < 2 || digits > 7) continue;
    out.push(matched('ID_NUMBER', m, PRIORITY.pattern));
  }
  for (const re of [US_SSN, UK_NINO])
    for (const m of text.matchAll(re)) out.push(matched('ID_NUMBER', m, PRIORITY.pattern));
  return out;
}

import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Dutch postcode: 4 digits (no leading 0) + 2 capitals; SA, SD and SS are never issued. */
const NL_POSTCODE = /(?<![\p{L}\p{N}€$.,])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;

export function detectPostcodes({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(NL_POSTCODE)) {
    out.push({ type: 'POSTCODE', start: m.index, end: m.index + m[0].length, priority: PRIORITY.pattern });
  }
  return out;
}

import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Dutch postcode: 4 digits (no leading 0) + 2 capitals; SA, SD and SS are never issued. */
const NL_POSTCODE = /(?<![\p{L}\p{N}€$.,])[1-9]\d{3} ?(?!SA|SD|SS)[A-Z]{2}(?![\p{L}\p{N}])/gu;

/** Typed in lower case ("1862zc", "9915 tr"); spaced only when the letters are no two-letter word ("2024 en"). */
const NL_POSTCODE_LOWER = /(?<![\p{L}\p{N}€$.,])[1-9]\d{3} ?(?!sa|sd|ss)[a-z]{2}(?![\p{L}\p{N}])/gu;
const TWO_LETTER_WORDS = new Set(
  'en of in op is at to de om ik je we me or on an as be by do go he if it my no so up us al na nu er ze zo te ja ok uw pm am'.split(
    ' ',
  ),
);

export function detectPostcodes({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{4}/.test(text)) return out;
  for (const m of text.matchAll(NL_POSTCODE)) {
    out.push({ type: 'POSTCODE', start: m.index, end: m.index + m[0].length, priority: PRIORITY.pattern });
  }
  for (const m of text.matchAll(NL_POSTCODE_LOWER)) {
    if (
      m[0].includes(' ') &&
      TWO_LETTER_WORDS.has(m[0].slice(-2)) &&
      !postcodePlace(text, m.index, m[0].length)
    )
      continue;
    out.push({ type: 'POSTCODE', start: m.index, end: m.index + m[0].length, priority: PRIORITY.fallback });
  }
  return out;
}

/** Cues before a postcode: the word itself, or a house number and a comma ("kerkstraat 12, 5145 at"). */
const POSTCODE_CUE = /(?:postcode:?|\d[a-z]?,)[ \t]*$/i;

/**
 * Where a lower-case "1234 at" is a postcode even though its letters are a word: in brackets after
 * a town ("tilburg (5145 at)"), after "postcode" or after a house number.
 */
function postcodePlace(text: string, start: number, length: number): boolean {
  if (text[start - 1] === '(' && text[start + length] === ')') return true;
  return POSTCODE_CUE.test(text.slice(Math.max(0, start - 12), start));
}

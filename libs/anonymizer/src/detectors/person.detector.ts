import { isCommonWord, lexicon } from '../gazetteers/lexicon.gazetteer';
import { onHoldoutChange } from '../gazetteers/name-holdout';
import { nameGazetteer, PARTICLE_WORDS } from '../gazetteers/names.gazetteer';
import { EXTRA_PLACES, NOT_NAMES, ORG_WORDS } from '../gazetteers/stoplist';
import { tokenize, type Token } from '../text/tokens';
import type { Language } from '../types';
import { compromisePeople } from './compromise.signal';
import { nameModel } from '../name-model/name-model';
import type { Deadline } from '../engine/deadline';
import { PRIORITY, type Candidate } from './candidate';
import { AUXILIARY, cueBefore, VOCATIVE_NEXT, VOCATIVE_PRONOUN, type CueKind } from './person.cues';

/** Lexical facts about one token, looked up once. */
interface Word extends Token {
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
}

/** Most words a name can have ("Wendy Tjon A Fong", "Robin van der Linden"). */
const MAX_NAME_WORDS = 6;
/** Most initials before a surname ("G.H.J. Dijkstra"). */
const MAX_INITIALS = 5;
/** Longer words are no names and are not looked up (the compound check is quadratic in length). */
const MAX_WORD_LENGTH = 48;
/** Shorter words have too few n-grams for the model to judge. */
const MIN_SCORED_LENGTH = 3;
/** Shortest word the model may call a name with no cue at all. */
const MIN_BARE_LENGTH = 5;
/** Model log-odds above which an unknown word counts as a name after a cue (also in lower case). */
const CUED_SCORE = 0;
/** Model log-odds above which a word that only looks like an inflection or compound is not taken for one. */
const GUESS_OVERRIDE_SCORE = 1;
/** Model log-odds above which a capitalised dictionary word after a strong cue is a name ("Hi Spencer"). */
const STRONG_CUE_SCORE = 1.5;
/** Model log-odds above which a word in capitals is read as a name, not an acronym ("CHESTER"). */
const UPPER_SCORE = 2;
/** Model log-odds above which an unknown lower-case word continues a name ("Emine salien"). */
const LOWER_CONTINUATION_SCORE = 1.5;
/** Model log-odds above which two capitalised words joined by "and" are both names. */
const PAIRED_SCORE = 1;
const AND_WORDS: ReadonlySet<string> = new Set(['en', 'and', '&', 'und', 'et']);
/** Model log-odds above which an unknown capitalised word counts as a name without any cue. */
const BARE_SCORE = 3;
/** How many words the main loop handles between two looks at the time budget. */
const DEADLINE_STRIDE = 256;

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
const FOREIGN_LETTER = /[ăâđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹıİşŞğĞłŁśŚżŻźŹńŃęĘąĄćĆřŘěĚůŮțȚșȘ]/;
/** The score a word with such letters gets at least. */
const FOREIGN_SCORE = 3;

function hasNonAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

function classify(t: Token, taken: boolean): Word {
  const lex = lexical(t.key);
  let f = lex.flags;
  const foreign = hasNonAscii(t.text) && FOREIGN_LETTER.test(t.text);
  if (foreign) f &= ~(Flag.Common | Flag.Frequent);
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
  };
}

function isPlace(key: string): boolean {
  return nameGazetteer().places.has(key) || EXTRA_PLACES.has(key);
}

/** Only spaces between two words (a name does not run across punctuation or lines). */
function joined(text: string, a: Word, b: Word): boolean {
  const gap = text.slice(a.end, b.start);
  if (/^[ \t]{1,2}$/.test(gap)) return true;
  // "Md. Rafiqul", "G.H. Dijkstra": an abbreviation dot inside a name.
  return /^\.[ \t]?$/.test(gap) && a.text.length <= 3 && a.cap && b.cap;
}

/** Could this word be (part of) a name once a name has started? */
function nameLike(w: Word, lowerMode: boolean): boolean {
  if (w.taken || w.stop || w.org) return false;
  // After a cued lower-case first name a listed surname continues it even if it is also a word
  // ("noor bouwmeester"); a first name that is a word does not.
  if (lowerMode && !w.cap)
    return ((w.first && !w.common) || w.last || (!w.common && w.score > CUED_SCORE)) && !w.frequent;
  if (!w.cap) return false;
  return w.first || w.last || !w.common;
}

/** Word i (after optional particles) is a capitalised surname-like word. */
function surnameFollows(text: string, words: Word[], i: number): boolean {
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
function pairedByAnd(text: string, words: Word[], i: number): boolean {
  const and = words[i + 1];
  const other = words[i + 2];
  if (!and || !other || !AND_WORDS.has(and.key)) return false;
  if (!joined(text, words[i], and) || !joined(text, and, other)) return false;
  return (
    other.cap && !other.taken && !other.stop && !other.place && (other.first || other.score > PAIRED_SCORE)
  );
}

/** On no name list: only the model can call it a name. */
const unlisted = (w: Word): boolean => !w.first && !w.last;

/** A name-like word standing alone, without cue. */
function bareName(w: Word): boolean {
  return w.cap && !w.upper && !w.taken && !w.stop && !w.org && !w.particle;
}

export interface PersonDetectorInput {
  text: string;
  /** Spans already claimed by pattern detectors. */
  taken: ReadonlyArray<{ start: number; end: number }>;
  /** Folded name words already known in this conversation (from the token vault). */
  knownNames?: ReadonlySet<string>;
  /** The message's time budget; when it runs out the detector stops and the deadline records it. */
  deadline?: Deadline;
  /** English text also asks compromise's people tagging about capitalised words left undecided. */
  lang?: Language;
}

/** For each token, whether it overlaps a taken span: one sweep over both sorted lists. */
function takenFlags(tokens: Token[], taken: ReadonlyArray<{ start: number; end: number }>): boolean[] {
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

/**
 * Person names: gazetteer first names, cue phrases (introductions, greetings, sign-offs,
 * honorifics, family relations), initials + surname, unknown capitalised pairs, signature
 * lines, and repeats of a name found elsewhere in the message.
 */
export function detectPersons({ text, taken, knownNames, deadline, lang }: PersonDetectorInput): Candidate[] {
  const tokens = tokenize(text);
  const letters = text.replace(/[^\p{L}]/gu, '');
  const shouting = letters.length > 20 && letters === letters.toUpperCase();
  // A message typed all in lower case: listed first names and very name-like words stand for capitals.
  const whispering = letters.length > 20 && letters === letters.toLowerCase();
  const isTaken = takenFlags(tokens, taken);
  const words: Word[] = tokens.map((t, n) => {
    const w = classify(t, isTaken[n]);
    if (shouting) {
      // In a shouted message capitals carry no information: trust the name lists only.
      w.cap = true;
      w.upper = false;
      w.common = w.common && !w.first && !w.last;
      w.initial = true;
    } else if (w.upper) {
      // Acronyms (ADHD, DUO, IBAN) never start a name, but a listed name written in capitals
      // ("groet, MEHMET YILMAZ") does.
      // An unlisted word in capitals counts only after a cue: acronyms ("LHBTI", "HKDSE") look like names too.
      w.cap =
        !w.common &&
        !w.frequent &&
        (((w.first || w.last) && w.key.length >= 3) ||
          (w.key.length >= 4 && w.score > CUED_SCORE && cueBefore(text, w.start) !== undefined));
      w.upper = !w.cap;
    } else if (
      whispering &&
      !w.common &&
      !w.frequent &&
      !w.stop &&
      ((w.first && !w.place) || w.score > BARE_SCORE)
    ) {
      w.cap = true;
    }
    return w;
  });

  // A word in capitals right after a name in capitals continues it ("CLETUS DHUYVETTER").
  for (let n = 1; n < words.length; n++) {
    const w = words[n];
    const prev = words[n - 1];
    if (w.upper && prev.cap && tokens[n - 1].upper && joined(text, prev, w))
      if (!w.common && !w.frequent && !w.stop && (w.first || w.last || w.score > UPPER_SCORE)) {
        w.cap = true;
        w.upper = false;
      }
  }

  const spans: Array<[number, number]> = [];
  const used = new Uint8Array(words.length);

  /** Extends a name that starts at word i; returns the index after its last word. */
  const extend = (i: number, lowerMode: boolean): number => {
    let j = i + 1;
    let end = i + 1;
    while (j < words.length && j - i < MAX_NAME_WORDS && joined(text, words[j - 1], words[j])) {
      const w = words[j];
      if (w.particle || (w.text.length === 1 && w.cap)) {
        j++;
        continue;
      }
      const lowerName =
        !w.cap && unlisted(w) && !w.common && !w.frequent && !w.taken && w.score > LOWER_CONTINUATION_SCORE;
      // After a particle a capitalised word is the surname even if it is a frequent word ("de Wit").
      const afterParticle = words[j - 1].particle && w.cap && !w.taken && !w.stop && !w.org;
      if (
        nameLike(w, lowerMode || whispering) ||
        lowerName ||
        afterParticle ||
        (w.cap && !w.taken && !w.stop && !w.org && !w.frequent && !w.initial)
      ) {
        end = j + 1;
        j++;
        continue;
      }
      break;
    }
    return end;
  };

  const emit = (i: number, end: number): void => {
    for (let k = i; k < end; k++) used[k] = 1;
    spans.push([words[i].start, words[end - 1].end]);
  };

  const cueAt = (w: Word): CueKind | undefined => cueBefore(text, w.start);

  for (let i = 0; i < words.length; i++) {
    if (i % DEADLINE_STRIDE === 0 && deadline?.passed()) return [];
    if (used[i]) continue;
    const w = words[i];
    // "A." and "I." are stop words on their own but initials before a surname ("A. Kerremans").
    const initial = (w.cap || whispering) && w.text.length === 1 && text[w.end] === '.';
    if (w.taken || ((w.stop || w.org) && !initial)) continue;
    const next = words[i + 1];
    const nextJoined = next !== undefined && joined(text, w, next);
    const nextIsSurname = nextJoined && surnameFollows(text, words, i + 1);
    if (nextJoined && w.cap && next.cap && isPlace(w.key + ' ' + next.key)) {
      i++; // "Hong Kong", "Den Haag", "Costa Rica"
      continue;
    }

    // Initials + surname: "M. Kowalski", "G.H. Dijkstra", "J. van den Broek".
    if (initial) {
      let j = i + 1;
      while (
        j < words.length &&
        j - i < MAX_INITIALS &&
        words[j].text.length === 1 &&
        (words[j].cap || whispering) &&
        text[words[j].end] === '.' &&
        words[j].start - words[j - 1].end <= 2
      )
        j++;
      let k = j;
      while (k < words.length && words[k].particle && k - j < 3) k++;
      const s = words[k];
      if (
        s &&
        s.start - words[k - 1].end <= 2 &&
        (s.cap || (!s.common && s.score > LOWER_CONTINUATION_SCORE)) &&
        !s.stop &&
        !s.taken &&
        (k > j || (!s.frequent && (!s.common || s.last || s.score > CUED_SCORE)))
      ) {
        emit(i, extend(k, false));
        i = k;
        continue;
      }
    }

    // Only words that could start a name need the (comparatively costly) cue lookup.
    const mayStart =
      w.cap ||
      (w.first && !w.frequent) ||
      (!w.common && w.score > CUED_SCORE) ||
      (w.particle && next !== undefined && next.cap);
    const cue = mayStart ? cueAt(w) : undefined;
    if (cue) {
      if (cue === 'honorific' && (w.particle || w.cap) && !w.taken) {
        let k = i;
        while (k < words.length && words[k].particle && k - i < 3) k++;
        if (words[k] && words[k].cap && !words[k].stop && !words[k].org) {
          const end = extend(k, false);
          emit(i, end);
          i = end - 1;
          continue;
        }
      }
      // After a cue, a listed name that is also a word still starts a name when another capitalised
      // word follows ("Mvg, Li Ying Tan", "groet, Mark de Boer").
      const pairedName =
        (w.first || w.last || w.score > CUED_SCORE) &&
        nextJoined &&
        (next.cap || next.particle) &&
        !next.stop &&
        !next.org &&
        (next.first || next.last || !next.common || next.particle);
      // "Hi Spencer,", "Groetjes, Hope": after a greeting or sign-off a capitalised word that ends the
      // phrase is the addressee or the writer, also when it is a dictionary word.
      const closes = /^[ \t]*(?:[,.!?\n]|$)/.test(text.slice(w.end, w.end + 3));
      const strongName =
        cue === 'strong' &&
        !w.frequent &&
        (!w.place || closes) &&
        (w.guessed || w.score > STRONG_CUE_SCORE || (closes && w.score > -1));
      if (
        w.cap &&
        (!w.particle || w.first) &&
        (w.first || !w.common || (w.last && !w.initial && !w.frequent) || pairedName || strongName) &&
        !(w.place && !w.first && !strongName && !(pairedName && cue === 'strong'))
      ) {
        const end = extend(i, false);
        emit(i, end);
        i = end - 1;
        continue;
      }
      const lowerOk =
        !w.cap &&
        !w.frequent &&
        ((w.first && (cue !== 'intro' || !w.common)) ||
          (unlisted(w) && !w.common && !w.stop && w.score > CUED_SCORE));
      if (lowerOk) {
        const end = extend(i, true);
        emit(i, end);
        i = end - 1;
        continue;
      }
    }

    // "Met Oscar Fong hier", "Hyun-woo Park here": capitalised name-like words before "hier"/"here".
    if (w.cap && !w.place && (w.first || w.last || !w.common)) {
      const end = extend(i, false);
      const after = words[end];
      if (after && (after.key === 'hier' || after.key === 'here') && joined(text, words[end - 1], after)) {
        emit(i, end);
        i = end - 1;
        continue;
      }
    }

    if (!bareName(w)) {
      // "kees hier, …": a first name introducing itself.
      if (!w.cap && w.initial && w.first && !w.frequent && next?.key === 'hier') emit(i, i + 1);
      continue;
    }

    if (w.first && !(w.place && !nextIsSurname)) {
      const vocative =
        w.initial &&
        !AUXILIARY.has(w.key) &&
        next !== undefined &&
        !next.cap &&
        (w.frequent ? VOCATIVE_PRONOUN : VOCATIVE_NEXT).has(next.key) &&
        /^[ \t,]{1,3}$/.test(text.slice(w.end, next.start));
      let accept: boolean;
      if (w.frequent) accept = (!w.initial && nextIsSurname) || vocative;
      else if (w.common) {
        const prev = words[i - 1];
        const titleCase =
          (prev && !w.initial && prev.cap && prev.common && joined(text, prev, w)) ||
          (nextJoined && next.cap && next.common && !next.last && !next.first);
        accept = nextIsSurname || vocative || (!w.initial && !titleCase);
      } else {
        accept = !(nextJoined && next.org);
      }
      if (accept) {
        const end = extend(i, false);
        emit(i, end);
        i = end - 1;
        continue;
      }
    }

    // Two capitalised words that no dictionary knows: a name the lists miss ("Jonh O'Sulivan").
    if (
      !w.common &&
      !w.place &&
      !w.first &&
      nextJoined &&
      bareName(next) &&
      !next.place &&
      (!next.common || next.first)
    ) {
      const end = extend(i, false);
      emit(i, end);
      i = end - 1;
    } else if (
      !w.common &&
      !w.place &&
      !w.first &&
      !w.initial &&
      !w.frequent &&
      w.key.length >= MIN_BARE_LENGTH &&
      w.score > (pairedByAnd(text, words, i) ? PAIRED_SCORE : BARE_SCORE)
    ) {
      // One capitalised word inside a sentence that no list or dictionary knows and that looks like a
      // name by its letters ("gesproken met Oyelaran").
      const end = extend(i, false);
      emit(i, end);
      i = end - 1;
    }
  }

  if (deadline?.passed()) return [];
  if (lang === 'en') taggedPeople(text, words, used, spans);
  signatureLines(text, words, used, spans);
  conjunctions(text, words, used, spans);
  repeats(text, words, used, spans, knownNames);

  return spans.map(([start, end]) => ({ type: 'PERSON' as const, start, end, priority: PRIORITY.person }));
}

/** A capitalised word inside a sentence that no rule has claimed or ruled out. */
const undecided = (w: Word, used: number): boolean =>
  !used &&
  w.cap &&
  !w.initial &&
  !w.taken &&
  !w.stop &&
  !w.org &&
  !w.place &&
  !w.particle &&
  !w.frequent &&
  w.score > 0;

/** Most undecided words per message that compromise is asked about (each costs a parse of its window). */
const MAX_TAGGED_WINDOWS = 2;
/** Characters of context on each side of an undecided word that compromise parses. */
const TAG_WINDOW = 60;

/**
 * compromise's people in English text: words it tags as a person count when they are capitalised
 * and nothing else has ruled them out. Parsed only when some capitalised word is still undecided.
 */
function taggedPeople(text: string, words: Word[], used: Uint8Array, spans: Array<[number, number]>): void {
  let windows = 0;
  let parsedTo = 0;
  for (let i = 0; i < words.length && windows < MAX_TAGGED_WINDOWS; i++) {
    if (words[i].start < parsedTo || !undecided(words[i], used[i])) continue;
    windows++;
    // A window of whole words around the undecided one; compromise parses only that.
    let a = i;
    while (a > 0 && words[i].start - words[a - 1].start < TAG_WINDOW) a--;
    let b = i;
    while (b < words.length - 1 && words[b + 1].end - words[i].end < TAG_WINDOW) b++;
    const from = words[a].start;
    parsedTo = words[b].end;
    const people = compromisePeople(text.slice(from, parsedTo)).map(([s, e]): [number, number] => [
      s + from,
      e + from,
    ]);
    claimTagged(words, used, spans, people, a);
  }
}

function claimTagged(
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  people: Array<[number, number]>,
  fromWord: number,
): void {
  let k = fromWord;
  for (const [start, end] of people) {
    while (k < words.length && words[k].end <= start) k++;
    const first = k;
    while (k < words.length && words[k].start < end) k++;
    const inside = words.slice(first, k);
    if (inside.length === 0 || !inside.some((w, n) => undecided(w, used[first + n]))) continue;
    if (!inside.every((w) => (w.cap || w.particle) && !w.taken && !w.stop && !w.org && !w.place)) continue;
    for (let n = first; n < k; n++) used[n] = 1;
    spans.push([inside[0].start, inside[inside.length - 1].end]);
  }
}

/**
 * A line (or the tail of the message) made of one to four capitalised name-like words is a
 * signature or a name in a contact block: "Tariq Mahmood", "MEHMET YILMAZ 06 …", "Maud".
 */
function signatureLines(text: string, words: Word[], used: Uint8Array, spans: Array<[number, number]>): void {
  let i = 0;
  while (i < words.length) {
    const lineStart = i;
    const lineEnd = text.indexOf('\n', words[i].end);
    let j = i + 1;
    while (j < words.length && (lineEnd === -1 || words[j].start < lineEnd)) j++;
    // Also consider the tail after the last sentence break on the final line.
    const segments: Array<[number, number]> = [[lineStart, j]];
    if (j === words.length) {
      let k = j - 1;
      while (k > lineStart && !words[k].initial) k--;
      if (k > lineStart) segments.push([k, j]);
    }
    for (const [a, b] of segments) checkSignature(text, words, used, spans, a, b, j === words.length);
    i = j;
  }
}

function checkSignature(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  a: number,
  b: number,
  isLastLine: boolean,
): void {
  const indices: number[] = [];
  for (let k = a; k < b && indices.length <= 5; k++) if (!words[k].taken) indices.push(k);
  if (indices.length === 0 || indices.length > 5) return;
  const seg = indices.map((k) => words[k]);
  if (seg.some((w, k) => k > 0 && !joined(text, seg[k - 1], w))) return;
  const tail = text.slice(seg[seg.length - 1].end, a === b ? 0 : words[b] ? words[b].start : text.length);
  if (/[\p{L}]/u.test(tail.replace(/[\n].*$/su, ''))) return;
  const core = seg.filter((w) => !w.particle);
  if (core.length === 0 || (seg[0].particle && !seg[0].cap)) return;
  const ok = core.every((w) => w.cap && !w.stop && !w.org && !w.place && (w.first || w.last || !w.common));
  if (!ok) return;
  const anyName = core.some((w) => w.first || w.last);
  if (core.length === 1) {
    const w = core[0];
    // A lone word: a first name, or on the last line an unknown capitalised word ("… Hanneke").
    const alone = b - a === 1;
    if (w.first ? w.frequent && !isLastLine : !isLastLine || !alone || w.common || /\d/.test(tail)) return;
  } else if (!anyName && core.some((w) => w.common)) return;
  const first = indices[0];
  const last = indices[indices.length - 1];
  if (used[first] && used[last]) return;
  for (let k = first; k <= last; k++) used[k] = 1;
  spans.push([seg[0].start, seg[seg.length - 1].end]);
}

const CONJUNCTIONS: ReadonlySet<string> = new Set(['en', 'and', '&', 'of', 'or', 'y', 'et', 'und']);

/** "Sven en Tygo", "Kim and Mohamed": a capitalised word joined to a found name. */
function conjunctions(text: string, words: Word[], used: Uint8Array, spans: Array<[number, number]>): void {
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (used[i] || !used[i - 2] || !CONJUNCTIONS.has(words[i - 1].key)) continue;
    if (
      !bareName(w) ||
      w.place ||
      !(w.first || !w.common || w.score > PAIRED_SCORE) ||
      (w.frequent && !w.first)
    )
      continue;
    if (!joined(text, words[i - 2], words[i - 1]) || !joined(text, words[i - 1], w)) continue;
    used[i] = 1;
    spans.push([w.start, w.end]);
  }
}

/**
 * Once a name is found, its other occurrences count too, in any case ("Rutger … Groet, Rutger"),
 * as do names the conversation's vault already holds.
 */
function repeats(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  knownNames?: ReadonlySet<string>,
): void {
  const known = new Set<string>(knownNames);
  // Frequent words ("Josh", "Will") found inside a name repeat only in front of the rest of it.
  const leading = new Set<string>();
  words.forEach((w, i) => {
    if (!used[i] || w.particle || w.key.length <= 2) return;
    if (w.frequent) leading.add(w.key);
    else known.add(w.key);
  });
  if (known.size === 0) return;
  words.forEach((w, i) => {
    if (used[i] || w.taken) return;
    if (known.has(w.key) && (w.cap || w.first || w.last)) {
      used[i] = 1;
      spans.push([w.start, w.end]);
    } else if (leading.has(w.key) && w.cap) {
      let k = i + 1;
      while (k < words.length && words[k].particle && k - i <= 3) k++;
      const rest = words[k];
      if (!rest || !known.has(rest.key)) return;
      for (let n = i + 1; n <= k; n++) if (!joined(text, words[n - 1], words[n])) return;
      for (let n = i; n < k; n++) used[n] = 1;
      spans.push([w.start, words[k - 1].end]);
    }
  });
}

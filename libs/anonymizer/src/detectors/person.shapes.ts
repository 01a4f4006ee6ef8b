/**
 * Sentence shapes that hold a name whatever its words are: "ik heet …", "met … hier",
 * "ik ben …, moeder van", "… (34) uit", a sentence-initial subject before a reporting verb, and a
 * message that is nothing but a name. Each test looks at a bounded window around one word.
 */
import { cueBefore, isHonorific, isRelation, mayEndCue } from './person.cues';
import { type Word, CUED_LOWER_SCORE, CUED_SCORE, STRONG_CUE_SCORE, joined } from './person.words';

/** Phrases after which the next words are the writer's name in any case ("ik heet grace"). */
const NAMING: ReadonlySet<string> = new Set([
  'ik heet',
  'mijn naam is',
  'my name is',
  "my name's",
  'i am called',
  "i'm called",
]);

const NAMING_LAST: ReadonlySet<string> = new Set([...NAMING].map((p) => p.split(' ').pop()!));

/** Whether words[i] comes right after a naming phrase. */
export function afterNaming(text: string, words: Word[], i: number): boolean {
  if (i < 2 || !NAMING_LAST.has(words[i - 1].key)) return false;
  for (const n of [2, 3]) {
    if (i < n) continue;
    let ok = true;
    for (let k = i - n + 1; k <= i && ok; k++) ok = joined(text, words[k - 1], words[k]);
    if (
      ok &&
      NAMING.has(
        words
          .slice(i - n, i)
          .map((w) => w.key.replace(/’/g, "'"))
          .join(' '),
      )
    )
      return true;
  }
  return false;
}

/** Most words between "met" and "hier" ("met lander van der meulen hier"). */
const MAX_MET_HIER = 6;

/** "met chen van der berg hier": index after the name when words[i] is that "met"; -1 otherwise. */
export function metHier(text: string, words: Word[], i: number): number {
  if (words[i].key !== 'met') return -1;
  for (let k = i + 2; k < words.length && k - i <= MAX_MET_HIER; k++) {
    if (!joined(text, words[k - 1], words[k])) return -1;
    if (words[k].key === 'hier') return k;
    if (words[k].taken || (words[k].stop && !words[k].particle)) return -1;
  }
  return -1;
}

/** ", moeder van", ", the father of": the word before it is the writer's name. */
const APPOSITION =
  /^,[ \t]*(?:de |the )?(?:moeder|vader|ouder|oma|opa|voogd|broer|zus|mother|father|parent|guardian|brother|sister|mum|mom|dad)\b/i;

export const apposition = (text: string, end: number): boolean => APPOSITION.test(text.slice(end, end + 20));

/** "Lily Tang (34) uit Tilburg": an age in brackets right after the name. */
const AGE = /^[ \t]\(\d{1,3}\)/;
export const ageAfter = (text: string, end: number): boolean => AGE.test(text.slice(end, end + 6));

/** Finite reporting verbs that follow a sentence-initial subject in news-style text. */
const REPORTING: ReadonlySet<string> = new Set(
  `zei zegt vond vindt reageerde reageert won wint sprak spreekt liet laat schreef schrijft meldde meldt
  stelde stelt verklaarde verklaart benadrukte benadrukt waarschuwde waarschuwt noemde noemt
  said says told won wins declined declines announced announces added adds wrote writes warned warns
  claimed claims stated states replied replies insisted insists`.split(/\s+/),
);

/** A capitalised word that could be a subject's name (not a dictionary word unless name-like). */
function subjectWord(w: Word): boolean {
  // "Trainer Tony Bos vond …": a role before the name is no part of it.
  if (!w.cap || w.upper || w.taken || w.stop || w.org || w.place || w.particle || mayEndCue(w.key))
    return false;
  if (w.first || w.last) return !w.frequent;
  return !w.common ? w.score > -1 : !w.frequent && w.score > STRONG_CUE_SCORE;
}

/** "Okafor won …", "Leen reageerde …": index after the subject at words[i] before a reporting verb; -1 otherwise. */
export function reportingSubject(text: string, words: Word[], i: number): number {
  if (!words[i].initial || !subjectWord(words[i])) return -1;
  let k = i + 1;
  while (k < words.length && k - i <= 3 && joined(text, words[k - 1], words[k])) {
    const w = words[k];
    if (REPORTING.has(w.key) && !w.cap) return k;
    if (!(w.particle || subjectWord(w))) return -1;
    k++;
  }
  return -1;
}

/** A capitalised word that may be a first name; after particles, one that may be a surname. */
const nameOrUnknown = (w: Word, score: number): boolean =>
  w.cap &&
  !w.upper &&
  !w.taken &&
  !w.stop &&
  !w.org &&
  !w.place &&
  !w.particle &&
  (w.first || w.last || !w.common || w.score > score);

/** "Chiara de Boitselier", "Yunus van Herpe": a name-like word, particles, and a surname-like word. */
function particleName(text: string, words: Word[], i: number): boolean {
  if (!nameOrUnknown(words[i], STRONG_CUE_SCORE) || words[i].frequent) return false;
  let k = i + 1;
  while (
    k < words.length &&
    k - i <= 3 &&
    words[k].particle &&
    !words[k].cap &&
    joined(text, words[k - 1], words[k])
  )
    k++;
  const s = words[k];
  return (
    k > i + 1 &&
    s !== undefined &&
    joined(text, words[k - 1], s) &&
    nameOrUnknown(s, CUED_SCORE) &&
    (!s.common || s.last)
  );
}

/** Prepositions of place: a first name right after one is a place that shares it ("from Milan"). */
const LOCATIVE: ReadonlySet<string> = new Set(['from', 'uit', 'in', 'near', 'naar', 'to', 'bij', 'te']);

export const afterLocative = (text: string, words: Word[], i: number): boolean =>
  i > 0 && LOCATIVE.has(words[i - 1].key) && joined(text, words[i - 1], words[i]);

/** Index of a surname-like word after the particles that start at i ("van Dremmelen"); -1 otherwise. */
export function surnameAfterParticles(text: string, words: Word[], i: number): number {
  let k = i;
  while (
    k < words.length &&
    k - i < 3 &&
    words[k].particle &&
    (k === i || joined(text, words[k - 1], words[k]))
  )
    k++;
  const s = words[k];
  return k > i &&
    s !== undefined &&
    joined(text, words[k - 1], s) &&
    nameOrUnknown(s, CUED_SCORE) &&
    (!s.common || s.last)
    ? k
    : -1;
}

/**
 * "mijn vriendin coco wil …", "my friend max and i": a lower-case word after a relation is a name
 * when its letters say so, even if a dictionary knows it.
 */
function afterRelation(text: string, words: Word[], i: number): boolean {
  const w = words[i];
  if (i < 2 || w.stop || w.frequent || w.taken || w.org || w.place || w.particle) return false;
  // "the student housing": a dictionary word needs letters that clearly look like a name.
  if (w.score <= (w.common ? STRONG_CUE_SCORE : CUED_SCORE)) return false;
  return (
    isRelation(words[i - 2].key, words[i - 1].key) &&
    joined(text, words[i - 2], words[i - 1]) &&
    joined(text, words[i - 1], w)
  );
}

/** Modal verbs that open a question about someone ("Kan Platon mij terugbellen?", "Can Cecleia call me?"). */
const MODALS: ReadonlySet<string> = new Set([
  'kan',
  'kun',
  'mag',
  'zou',
  'wil',
  'can',
  'could',
  'may',
  'would',
]);

/** A capitalised word no dictionary knows right after a modal verb that starts the sentence. */
function questionSubject(text: string, words: Word[], i: number): boolean {
  const w = words[i];
  if (i < 1 || !w.cap || w.upper || w.initial || w.stop || w.org || w.place || w.taken || w.particle)
    return false;
  const modal = words[i - 1];
  return (
    modal.initial &&
    MODALS.has(modal.key) &&
    joined(text, modal, w) &&
    (!w.common || (w.first && !w.frequent)) &&
    w.score > CUED_LOWER_SCORE
  );
}

/** Most words in a message that is only a name ("mevr. Ayşe Yılmaz", "J.W. de Vries"). */
const MAX_SNIPPET_WORDS = 5;

/**
 * A message that is nothing but a name: one to four name-like words, with initials, particles, an
 * honorific or one comma ("Soekhai, Amara"). Returns the index of the first name word, or -1.
 */
export function wholeMessageName(text: string, words: Word[]): number {
  if (words.length === 0 || words.length > MAX_SNIPPET_WORDS + 1) return -1;
  if (/[\d@/?!:;]/.test(text) || text.split(',').length > 2) return -1;
  // "t.n.v. G.H. Dijkstra": letters in lower case next to capitals are an abbreviation, not initials.
  if (words.some((w) => w.key.length === 1 && !w.cap) && text !== text.toLowerCase()) return -1;
  let from = 0;
  if (isHonorific(words[0].key) && words.length > 1) from = 1;
  const core = words.slice(from).filter((w) => !w.particle && w.key.length > 1);
  const initials = words.length - from - core.length;
  if (core.length === 0 || core.length > 4) return -1;
  if (core.some((w) => w.taken || w.stop || w.org || (w.place && !w.first && !w.last))) return -1;
  if (core.some((w) => w.frequent && !w.first && !w.last)) return -1;
  // "Museeuw won de Ronde": in a message with capitals, every word of a name has one.
  if (text !== text.toLowerCase() && core.some((w) => !w.cap && !w.upper)) return -1;
  const evidence = (w: Word): boolean =>
    w.foreign || ((w.first || w.last) && !w.frequent) || (!w.common && w.score > CUED_SCORE);
  if (core.length === 1) {
    const w = core[0];
    return (initials > 0 || from > 0 || (evidence(w) && w.key.length >= 3)) && !w.frequent ? from : -1;
  }
  return core.some(evidence) || initials > 0 || from > 0 ? from : -1;
}

export interface ShapeContext {
  text: string;
  words: Word[];
  /** The text holds an age in brackets somewhere (so the test per word is worth it). */
  hasAge: boolean;
  extend: (i: number, lowerMode: boolean, cued?: boolean) => number;
}

/** Words [from, end) of a name that one of the shapes finds at word i, or undefined. */
export function nameShape(
  { text, words, hasAge, extend }: ShapeContext,
  i: number,
): [number, number] | undefined {
  const w = words[i];
  const hier = metHier(text, words, i);
  // "met" opens the sentence, a clause after a comma ("geachte heer X, met …"), or follows a greeting.
  const opens = (): boolean =>
    w.initial || !joined(text, words[i - 1] ?? w, w) || cueBefore(text, w.start) === 'strong';
  if (hier > 0 && opens()) return [i + 1, hier];
  if (w.taken || w.stop || w.org) return undefined;
  if (afterNaming(text, words, i) && !w.particle) return [i, extend(i, !w.cap, true)];
  if (!w.cap && afterRelation(text, words, i)) return [i, extend(i, true, true)];
  if (questionSubject(text, words, i)) return [i, extend(i, false, true)];
  const subject = reportingSubject(text, words, i);
  if (subject > 0) return [i, subject];
  if (particleName(text, words, i)) return [i, extend(i, false, true)];
  if (hasAge && w.cap && !w.upper && !w.place && !w.frequent) {
    const end = extend(i, false, true);
    if (ageAfter(text, words[end - 1].end)) return [i, end];
  }
  return undefined;
}

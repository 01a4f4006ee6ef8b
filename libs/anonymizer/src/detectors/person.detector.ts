import type { Language } from '../types';
import type { Deadline } from '../engine/deadline';
import { PRIORITY, type Candidate } from './candidate';
import { compromisePlaceMention } from './compromise.signal';
import {
  AUXILIARY,
  closingBefore,
  isHonorific,
  mayEndClosing,
  dashBefore,
  cueBefore,
  mayEndCue,
  VOCATIVE_NEXT,
  VOCATIVE_PRONOUN,
  closesAt,
  type CueKind,
} from './person.cues';
import {
  type Word,
  MIN_BARE_LENGTH,
  CUED_LOWER_SCORE,
  PAIRED_SCORE,
  BARE_SCORE,
  DEADLINE_STRIDE,
  isPlace,
  joined,
  surnameFollows,
  pairedByAnd,
  bareName,
} from './person.words';
import { taggedPeople, signatureLines, repeats, particlesBefore } from './person.passes';
import { conjunctions } from './person.conjunctions';
import { surnameAfterHonorific } from './person.honorific';
import { surnameAfterInitials } from './person.initials';
import { signOffNames } from './person.signoff';
import { syllablesBefore } from './person.syllables';
import { casedWords, inCapitals } from './person.casing';
import { extendName } from './person.extend';
import {
  afterLocative,
  apposition,
  nameShape,
  surnameAfterParticles,
  wholeMessageName,
} from './person.shapes';
import { capitalisedAfterCue, lowerAfterCue } from './person.after-cue';

/** Pronouns that follow a sentence-initial verb, never a name addressed or introduced. */
const FIRST_PERSON: ReadonlySet<string> = new Set(['ik', 'me', 'mij', 'ons', 'u', 'i', 'us']);

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

/**
 * Person names: gazetteer first names, cue phrases (introductions, greetings, sign-offs,
 * honorifics, family relations), initials + surname, unknown capitalised pairs, signature
 * lines, and repeats of a name found elsewhere in the message.
 */
export function detectPersons({ text, taken, knownNames, deadline, lang }: PersonDetectorInput): Candidate[] {
  const { words, whispering } = casedWords(text, taken);
  const nameText = { text, words, whispering };
  const extend = (i: number, lowerMode: boolean, cued = false): number =>
    extendName(nameText, i, lowerMode, cued);
  const spans: Array<[number, number]> = [];
  const used = new Uint8Array(words.length);
  // In a lower-case message "j. doggen" is an initial; "a.nl" and "é.\n" are not.
  const lowerInitial = (dot: number): boolean => whispering && text[dot + 1] === ' ';
  // The "… hier"/"… here" test extends a name from every capitalised word: only when it can matter.
  const introducedHere = /\b(?:hier|here)\b/i.test(text);

  const emit = (i: number, end: number): void => {
    for (let k = i; k < end; k++) used[k] = 1;
    spans.push([words[i].start, words[end - 1].end]);
  };

  const cueAt = (w: Word): CueKind | undefined => cueBefore(text, w.start);

  const shapes = { text, words, hasAge: /\(\d{1,3}\)/.test(text), extend };
  const whole = wholeMessageName(text, words);
  if (whole >= 0) emit(whole, words.length);

  for (let i = 0; i < words.length; i++) {
    if (i % DEADLINE_STRIDE === 0 && deadline?.passed()) return [];
    if (used[i]) continue;
    const w = words[i];
    // "A." and "I." are stop words on their own but initials before a surname ("A. Kerremans").
    const initial = w.text.length === 1 && text[w.end] === '.' && (w.cap || lowerInitial(w.end));
    const shape = nameShape(shapes, i);
    if (shape) {
      emit(shape[0], shape[1]);
      i = shape[1] - 1;
      continue;
    }
    if (w.taken || ((w.stop || w.org) && !initial)) continue;
    const next = words[i + 1];
    const nextJoined = next !== undefined && joined(text, w, next);
    const nextIsSurname = nextJoined && surnameFollows(text, words, i + 1);
    // "Bel me even", "Moet ik …": an ordinary word that starts a sentence before a first-person
    // pronoun is a verb, even after a greeting.
    const afterGreeting = i > 0 && words[i - 1].stop && !joined(text, words[i - 1], w);
    if (
      (w.initial || afterGreeting) &&
      w.common &&
      w.text.length > 1 &&
      nextJoined &&
      FIRST_PERSON.has(next.key)
    )
      continue;
    if (nextJoined && w.cap && next.cap && isPlace(w.key + ' ' + next.key)) {
      i++; // "Hong Kong", "Den Haag", "Costa Rica"
      continue;
    }

    // Initials + surname: "M. Kowalski", "G.H. Dijkstra", "J. van den Broek".
    if (initial) {
      const signed = i > 0 && mayEndClosing(words[i - 1].key) && closingBefore(text, w.start);
      const k = surnameAfterInitials(text, words, i, lowerInitial, signed);
      if (k >= 0) {
        emit(i, extend(k, false));
        i = k;
        continue;
      }
    }

    const afterCueWord = i > 0 && mayEndCue(words[i - 1].key);
    // Only words that could start a name need the (comparatively costly) cue lookup.
    const mayStart =
      w.cap ||
      (w.first && !w.frequent) ||
      (!w.common && w.score > CUED_LOWER_SCORE && afterCueWord) ||
      (w.particle &&
        next !== undefined &&
        (next.cap || next.upper || (i > 0 && isHonorific(words[i - 1].key)))) ||
      (!w.cap &&
        !w.particle &&
        (afterCueWord || dashBefore(text, w.start)) &&
        (nextIsSurname || closesAt(text, w.end)));
    const cue = mayStart ? cueAt(w) : undefined;
    if (cue) {
      // "MR" in capitals is a council (medezeggenschapsraad), not "Mr".
      const honorific = cue === 'honorific' && !(i > 0 && words[i - 1].upper);
      const surname = honorific ? surnameAfterHonorific(text, words, i) : -1;
      if (surname >= 0) {
        const end = surname === i && w.particle ? i + 1 : extend(surname, false, true);
        emit(i, end);
        i = end - 1;
        continue;
      }
      // "ik ben Bruno, moeder van …": the word before the role is the writer's name.
      if (cue === 'intro' && apposition(text, w.end) && !w.particle) {
        emit(i, i + 1);
        continue;
      }
      // "Volgens van Dremmelen", "zei de Beir": particles after a cue start a surname, unless they
      // end a cue themselves ("de vader van Sorvanna").
      const afterParticles = w.particle ? surnameAfterParticles(text, words, i) : -1;
      if (afterParticles > 0 && !cueAt(words[afterParticles])) {
        const end = extend(afterParticles, false, true);
        emit(i, end);
        i = end - 1;
        continue;
      }
      const situation = {
        w,
        next: nextJoined ? next : undefined,
        cue,
        closes: closesAt(text, w.end),
        nextIsSurname,
      };
      if (capitalisedAfterCue(situation)) {
        const end = extend(i, false, true);
        emit(i, end);
        i = end - 1;
        continue;
      }
      const lowerOk = lowerAfterCue(situation);
      if (lowerOk) {
        const end = extend(i, true, true);
        emit(i, end);
        i = end - 1;
        continue;
      }
    }

    // "Met Oscar Fong hier", "Hyun-woo Park here": capitalised name-like words before "hier"/"here".
    if (
      introducedHere &&
      (w.cap || (inCapitals(w) && !w.org && !w.stop && !w.taken)) &&
      !w.place &&
      (w.first || w.last || !w.common)
    ) {
      const end = extend(i, false, true);
      const after = words[end];
      if (after && (after.key === 'hier' || after.key === 'here') && joined(text, words[end - 1], after)) {
        emit(i, end);
        i = end - 1;
        continue;
      }
    }

    // A word with letters Dutch and English do not use ("Hằng", "Işıklar"), with its syllables.
    if (w.foreign && !w.place && !w.particle && w.key.length >= 2) {
      const from = syllablesBefore(words, i, used, (a, b) => joined(text, a, b));
      const end = extend(i, !w.cap);
      emit(from, end);
      i = end - 1;
      continue;
    }

    if (!bareName(w)) {
      // "kees hier, …": a first name introducing itself.
      if (!w.cap && w.initial && w.first && !w.frequent && next?.key === 'hier') emit(i, i + 1);
      continue;
    }

    if (w.first && !((w.place || afterLocative(text, words, i)) && !nextIsSurname)) {
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
      w.score > (w.last || pairedByAnd(text, words, i) ? PAIRED_SCORE : BARE_SCORE)
    ) {
      // One capitalised word inside a sentence that no dictionary knows and that looks like a name
      // by its letters ("gesproken met Oyelaran"), less sure when a surname list holds it
      // ("volgens Verhofstadt").
      const end = extend(i, false);
      emit(i, end);
      i = end - 1;
    }
  }

  if (deadline?.passed()) return [];
  if (lang === 'en') taggedPeople(text, words, used, spans);
  signatureLines(text, words, used, spans);
  signOffNames(text, words, used, spans);
  conjunctions(text, words, used, spans);
  repeats(text, words, used, spans, knownNames);
  particlesBefore(text, words, used, spans);

  // English: a lone word after "from"/"in" that compromise knows as a city or country is a place.
  const kept =
    lang === 'en' ? spans.filter(([start, end]) => !compromisePlaceMention(text, start, end)) : spans;
  return kept.map(([start, end]) => ({ type: 'PERSON' as const, start, end, priority: PRIORITY.person }));
}

/** How far a name runs once its first word is found. */
import { inCapitals } from './person.casing';
import { syllableContinues } from './person.syllables';
import {
  type Word,
  MAX_NAME_WORDS,
  LOWER_CONTINUATION_SCORE,
  isParticleLike,
  joined,
  nameLike,
  unlisted,
} from './person.words';

/** Words that end a name phrase when they follow it ("… en ik", "… from Lagos", "… hier"). */
const AFTER_NAME: ReadonlySet<string> = new Set('en and from uit hier here van of die who ik i'.split(' '));

const PREPOSITIONS: ReadonlySet<string> = new Set(['uit', 'in', 'op', 'aan', 'onder', 'bij']);

/** Word j is the last of its phrase: punctuation, a line break or a phrase-ending word follows. */
function endsName(text: string, words: Word[], j: number): boolean {
  const next = words[j + 1];
  return next === undefined || !joined(text, words[j], next) || next.stop || AFTER_NAME.has(next.key);
}

export interface NameText {
  text: string;
  words: Word[];
  whispering: boolean;
}

/**
 * Extends a name that starts at word i; returns the index after its last word. `cued`: the name
 * follows a cue, so a capitalised word right after its first word is the surname ("Ik ben Almira Puts").
 */
export function extendName(
  { text, words, whispering }: NameText,
  i: number,
  lowerMode: boolean,
  cued = false,
): number {
  let j = i + 1;
  let end = i + 1;
  while (j < words.length && j - i < MAX_NAME_WORDS && joined(text, words[j - 1], words[j])) {
    const w = words[j];
    // "Uit den Bogaard", "Op de Beeck": a preposition is part of a name only before another particle.
    if (PREPOSITIONS.has(w.key) && !words[j + 1]?.particle) break;
    if (isParticleLike(words, j) || (w.text.length === 1 && w.cap)) {
      j++;
      continue;
    }
    // "Rebeca van Hemelryck de Belg Georg Florin": after a particle, a word followed by another
    // capitalised word starts a new phrase.
    const nextWord = words[j + 1];
    if (
      j > i + 1 &&
      words[j - 1].particle &&
      w.cap &&
      nextWord?.cap &&
      !nextWord.particle &&
      joined(text, w, nextWord)
    )
      break;
    const lowerName =
      !w.cap && unlisted(w) && !w.common && !w.frequent && !w.taken && w.score > LOWER_CONTINUATION_SCORE;
    // After a particle a capitalised word is the surname even if it is a frequent word ("de Wit");
    // after a cue or in a lower-case message, so is a lower-case one ending the name ("nella de boer").
    const afterParticle =
      words[j - 1].particle &&
      !w.taken &&
      !w.stop &&
      !w.org &&
      (w.cap || ((cued || whispering) && !w.frequent && endsName(text, words, j)));
    // "Ik ben Almira Puts en …", "I'm Muhammad Will from …": after a cue, a second word that ends
    // the phrase is the surname, whatever the dictionary says of it.
    const cuedEnd =
      cued &&
      j === i + 1 &&
      !w.taken &&
      !w.stop &&
      !w.org &&
      !w.place &&
      // "my name is john smith": a listed name that is also a frequent word, when the sentence ends there.
      (w.cap || !w.frequent || ((w.first || w.last) && !joined(text, w, words[j + 1] ?? w))) &&
      // After a capitalised word, a lower-case dictionary word is the sentence going on ("Union organises").
      (w.cap || !words[i].cap || !w.common || w.last || w.guessed) &&
      endsName(text, words, j);
    // "CONSTANCE VAN LAER": a word in capitals continues a name written in capitals.
    const upperRun =
      inCapitals(words[j - 1]) && inCapitals(w) && !w.org && !w.stop && !w.taken && (!w.frequent || w.first);
    const cuedSurname =
      cued && j === i + 1 && w.cap && !w.initial && !w.frequent && !w.stop && !w.org && !w.place && !w.taken;
    // "mijn broer youssef komt ook": inside a sentence a lower-case word is a surname only when
    // its letters clearly say so.
    const sentenceGoesOn =
      !w.cap && (w.common || w.score < LOWER_CONTINUATION_SCORE) && !endsName(text, words, j);
    if (
      (nameLike(w, lowerMode || whispering) && !sentenceGoesOn) ||
      lowerName ||
      upperRun ||
      cuedSurname ||
      cuedEnd ||
      syllableContinues(words[j - 1], w) ||
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
}

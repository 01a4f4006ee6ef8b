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
    if (isParticleLike(words, j) || (w.text.length === 1 && w.cap)) {
      j++;
      continue;
    }
    const lowerName =
      !w.cap && unlisted(w) && !w.common && !w.frequent && !w.taken && w.score > LOWER_CONTINUATION_SCORE;
    // After a particle a capitalised word is the surname even if it is a frequent word ("de Wit").
    const afterParticle = words[j - 1].particle && w.cap && !w.taken && !w.stop && !w.org;
    // "CONSTANCE VAN LAER": a word in capitals continues a name written in capitals.
    const upperRun =
      inCapitals(words[j - 1]) && inCapitals(w) && !w.org && !w.stop && !w.taken && (!w.frequent || w.first);
    const cuedSurname =
      cued && j === i + 1 && w.cap && !w.initial && !w.frequent && !w.stop && !w.org && !w.place && !w.taken;
    if (
      nameLike(w, lowerMode || whispering) ||
      lowerName ||
      upperRun ||
      cuedSurname ||
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

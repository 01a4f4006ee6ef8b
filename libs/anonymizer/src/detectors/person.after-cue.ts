/** Whether the word right after a cue phrase starts a name: capitalised, or in lower case. */
import type { CueKind } from './person.cues';
import { GENERIC_ADDRESSEE } from './person.cues';
import { type Word, CUED_SCORE, CUED_LOWER_SCORE, STRONG_CUE_SCORE, unlisted } from './person.words';

export interface AfterCue {
  w: Word;
  /** The next word when only spaces separate them. */
  next: Word | undefined;
  cue: CueKind;
  /** The word ends the phrase: punctuation, emoji, kisses or the end follow. */
  closes: boolean;
  /** A capitalised surname-like word follows (after optional particles). */
  nextIsSurname: boolean;
}

/** A capitalised word after a cue. */
export function capitalisedAfterCue({ w, next, cue, closes, nextIsSurname }: AfterCue): boolean {
  if (!w.cap) return false;
  // After a cue, a listed name that is also a word still starts a name when another capitalised
  // word follows ("Mvg, Li Ying Tan", "groet, Mark de Boer").
  const pairedName =
    (w.first || w.last || w.score > CUED_SCORE) &&
    next !== undefined &&
    (next.cap || next.particle) &&
    !next.stop &&
    !next.org &&
    (next.first || next.last || !next.common || next.particle);
  // "Ik ben Connie Sipes", "My name is Una Gyssels": two capitalised words right after a cue are a
  // first name and a surname even when both are also words or places.
  const twoAfterCue =
    next !== undefined &&
    next.cap &&
    !next.upper &&
    !w.frequent &&
    !next.frequent &&
    !next.stop &&
    !next.org &&
    !next.taken &&
    !(next.place && !next.first && !next.last) &&
    !GENERIC_ADDRESSEE.has(w.key);
  // "Hi Spencer,", "Groetjes, Hope", "Hoi Holly!": after a greeting or sign-off a capitalised word
  // that ends the phrase is the addressee or the writer, also when it is a (frequent) word; so is
  // one inside a sentence after a relation ("mijn vriendin Valentine wil").
  const addressee = closes && w.score > CUED_SCORE && !GENERIC_ADDRESSEE.has(w.key);
  const strongName =
    cue === 'strong' &&
    (!w.frequent || addressee) &&
    (!w.place || closes) &&
    (w.guessed ||
      w.score > STRONG_CUE_SCORE ||
      (closes && w.score > -1) ||
      (!w.initial && !w.place && w.score > CUED_SCORE && !GENERIC_ADDRESSEE.has(w.key)));
  return (
    // "Ben", "El" are first names too, but "Bedankt! De open dag …" starts no name.
    (!w.particle || (w.first && (closes || !w.initial)) || nextIsSurname) &&
    (w.first ||
      !w.common ||
      (w.last && !w.initial && !w.frequent) ||
      pairedName ||
      strongName ||
      twoAfterCue ||
      // "This is Pascal van Weezmael": particles and a surname after the word.
      (nextIsSurname && next?.particle === true)) &&
    !(w.place && !w.first && !strongName && !twoAfterCue && !(pairedName && cue === 'strong'))
  );
}

/** A lower-case word after a cue ("ik ben zhivarno", "hey lars 👋", "mijn naam is anil Malhotra"). */
export function lowerAfterCue({ w, cue, closes, nextIsSurname }: AfterCue): boolean {
  if (w.cap) return false;
  // Ending the phrase, or followed by a surname.
  const closing =
    !w.stop &&
    !w.place &&
    (!w.frequent || w.first) &&
    ((cue === 'strong' && closes && w.score > CUED_SCORE && !GENERIC_ADDRESSEE.has(w.key)) ||
      // "docent Wiradinatjo": a role word in lower case before a name is no first name.
      (nextIsSurname && !w.frequent && (cue === 'strong' || !w.common)));
  return (
    closing ||
    (!w.frequent &&
      ((w.first && (cue !== 'intro' || !w.common)) ||
        (unlisted(w) && !w.common && !w.stop && w.score > CUED_LOWER_SCORE)))
  );
}

/** The message's words with what their casing says: shouted and whispered messages, acronyms, names in capitals. */
import { tokenize } from '../text/tokens';
import { closesAt, cueBefore, type CueKind } from './person.cues';
import {
  type Word,
  CUED_SCORE,
  STRONG_CUE_SCORE,
  UPPER_CONTINUATION_SCORE,
  BARE_SCORE,
  classify,
  joined,
  takenFlags,
} from './person.words';

/** Whether a word written in capitals is a name rather than an acronym; `cue` is looked up only when needed. */
function upperName(w: Word, cue: () => CueKind | undefined): boolean {
  if (w.foreign) return true;
  if ((w.first || w.last) && !w.common && w.key.length >= 3) return true;
  if (w.key.length < 2) return false;
  const kind = cue();
  if (kind === 'honorific') return true;
  if (kind === undefined || w.key.length < 4) return false;
  return !w.common || w.guessed ? w.score > CUED_SCORE : w.score > STRONG_CUE_SCORE;
}

/**
 * "Hey MILES!", "Liefs MATT xx": a frequent word in capitals that ends a greeting or sign-off is a
 * name when its letters look like one.
 */
function addressedInCapitals(text: string, w: Word, cue: () => CueKind | undefined): boolean {
  return w.key.length >= 3 && w.score > STRONG_CUE_SCORE && closesAt(text, w.end) && cue() === 'strong';
}

/** Written all in capitals (two letters or more), whatever the acronym test decided. */
export const inCapitals = (w: Word): boolean => w.text.length > 1 && w.text === w.text.toUpperCase();

export interface CasedWords {
  words: Word[];
  /** The message is typed all in lower case. */
  whispering: boolean;
}

export function casedWords(text: string, taken: ReadonlyArray<{ start: number; end: number }>): CasedWords {
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
      // ("groet, MEHMET YILMAZ") does. An unlisted word in capitals counts only after a cue, as
      // acronyms ("LHBTI", "HKDSE") look like names too; after "meneer"/"Mr." any word does.
      const cue = (): CueKind | undefined => cueBefore(text, w.start);
      w.cap = !w.stop && !w.org && (w.frequent ? addressedInCapitals(text, w, cue) : upperName(w, cue));
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
    if (w.upper && (prev.cap || prev.particle) && tokens[n - 1].upper && joined(text, prev, w))
      if (!w.common && !w.frequent && !w.stop && (w.first || w.last || w.score > UPPER_CONTINUATION_SCORE)) {
        w.cap = true;
        w.upper = false;
      }
  }
  return { words, whispering };
}

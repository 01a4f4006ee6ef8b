/** The surname after "meneer", "Ms", "mevr.": particles first, in any case ("dear ms vermetten,"). */
import { closesAt } from './person.cues';
import { type Word, joined } from './person.words';

/** After "Ms"/"meneer" a surname may be typed in lower case ("dear ms vermetten"). */
const surnameAt = (x: Word | undefined): boolean =>
  x !== undefined &&
  !x.stop &&
  !x.org &&
  (x.cap || (x.upper && !x.taken) || (!x.common && !x.frequent && !x.taken));

/**
 * The index of the surname's first word after an honorific that ends right before word i (i itself
 * when the address is only a particle, "Dear Ms el,"); -1 when no surname follows.
 */
export function surnameAfterHonorific(text: string, words: Word[], i: number): number {
  const w = words[i];
  if (w.taken || !(w.particle || w.cap || surnameAt(w) || closesAt(text, w.end))) return -1;
  if (w.particle && closesAt(text, w.end)) return i;
  let k = i;
  while (k < words.length && words[k].particle && k - i < 3) k++;
  const s = words[k];
  // "dear ms vermetten,", "geachte heer de win,": a word that ends the address is the surname.
  const addressed =
    s !== undefined &&
    !s.stop &&
    !s.taken &&
    !s.org &&
    closesAt(text, s.end) &&
    (k === i || joined(text, words[k - 1], s));
  // After "meneer van den" any word is the surname ("heer de win").
  const afterParticle = k > i && s !== undefined && !s.stop && !s.frequent && !s.taken && !s.org;
  return surnameAt(s) || addressed || afterParticle ? k : -1;
}

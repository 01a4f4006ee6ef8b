/** Initials before a surname ("M. Kowalski", "L. R. Botteldoorn", "A. OPDENACKER", "R. tremblay"). */
import {
  type Word,
  MAX_INITIALS,
  CUED_SCORE,
  LOWER_CONTINUATION_SCORE,
  isParticleLike,
} from './person.words';

/**
 * If word i starts a run of initials followed by a surname, the index of the surname's first word
 * (after particles); otherwise -1. `lowerInitial(dot)` tells whether a lower-case letter before
 * `dot` is an initial (only in a message typed in lower case); `signed` is true after a sign-off.
 */
export function surnameAfterInitials(
  text: string,
  words: Word[],
  i: number,
  lowerInitial: (dot: number) => boolean,
  signed: boolean,
): number {
  let j = i + 1;
  while (
    j < words.length &&
    j - i < MAX_INITIALS &&
    words[j].text.length === 1 &&
    (words[j].cap || lowerInitial(words[j].end)) &&
    text[words[j].end] === '.' &&
    words[j].start - words[j - 1].end <= 2
  )
    j++;
  let k = j;
  while (k < words.length && isParticleLike(words, k) && k - j < 3) k++;
  const s = words[k];
  if (!s || s.start - words[k - 1].end > 2 || s.stop || s.taken || s.org) return -1;
  // Two initials or a sign-off make the next word a surname whatever it is ("L. R. Botteldoorn",
  // "Groet,\nO. Tromp"); after one initial an ordinary word needs more ("zie bijlage B. Verder").
  const sure = j - i >= 2 || k > j || signed;
  if (s.upper) return s.key.length >= 2 && (sure || !s.common) ? k : -1;
  if (s.cap)
    return sure || (!s.frequent && (!s.common || s.last || s.guessed || s.score > CUED_SCORE)) ? k : -1;
  // A surname in lower case after a capital initial ("Regards R. tremblay").
  if (s.frequent) return -1;
  return !s.common || s.score > LOWER_CONTINUATION_SCORE || (sure && s.score > CUED_SCORE) ? k : -1;
}

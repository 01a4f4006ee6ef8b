/**
 * Vietnamese names are runs of short syllables, only some of them with tone marks and many of them
 * also Dutch or English words ("Mỹ Nga", "Hồng Hoa", "TÂM NGUYÊN", "quang thiên"): a syllable written
 * like its neighbour continues a name that holds a word with letters Dutch and English do not use.
 */
import type { Word } from './person.words';

/** Longest syllable ("Nguyễn", "Trương", "Khuyến"). */
const MAX_SYLLABLE = 7;
/** Most syllables taken before the marked one ("Nguyễn Thị Minh Khai" has three). */
const MAX_BEFORE = 2;

type Style = 'upper' | 'cap' | 'lower';

function style(w: Word): Style {
  if (w.text.length > 1 && w.text === w.text.toUpperCase()) return 'upper';
  return w.cap ? 'cap' : 'lower';
}

function syllable(w: Word): boolean {
  return w.key.length >= 2 && w.key.length <= MAX_SYLLABLE && !w.taken && !w.stop && !w.org && !w.particle;
}

/** `w` continues a name whose previous word is `prev`. */
export function syllableContinues(prev: Word, w: Word): boolean {
  if (!(prev.foreign || w.foreign) || !syllable(w)) return false;
  const s = style(w);
  if (s !== style(prev)) return false;
  // "minh hằng will …": in lower case a frequent word ends the name; written like a name it does not.
  return s !== 'lower' || !w.frequent || w.foreign;
}

/**
 * Index of the first syllable of a name whose marked word is at `i`: up to two joined syllables
 * before it written the same way ("Kan minh hằng" → "minh").
 */
export function syllablesBefore(
  words: Word[],
  i: number,
  used: Uint8Array,
  joinedTo: (a: Word, b: Word) => boolean,
): number {
  let s = i;
  while (s > 0 && i - s < MAX_BEFORE) {
    const p = words[s - 1];
    if (used[s - 1] || !syllable(p) || p.frequent || p.place || style(p) !== style(words[i])) break;
    if (p.initial && p.common) break;
    if (!joinedTo(p, words[s])) break;
    s--;
  }
  return s;
}

/** Names joined by "and": "Sven en Tygo", "Samen met Noah en Ozy", "Lila and Saskia will …". */
import { type Word, CUED_SCORE, joined, bareName } from './person.words';

const CONJUNCTIONS: ReadonlySet<string> = new Set(['en', 'and', '&', 'of', 'or', 'y', 'et', 'und']);

/** "Sven en Tygo", "Kim and Mohamed": a capitalised word joined to a found name. */
export function conjunctions(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
): void {
  for (let i = 2; i < words.length; i++) {
    const w = words[i];
    if (used[i] || !used[i - 2] || !CONJUNCTIONS.has(words[i - 1].key)) continue;
    // Next to a found name a capitalised word needs little more ("Betty en Budi"); one in lower case
    // needs letters that look like a name ("Benice and farah").
    const capitalised =
      bareName(w) && (w.first || !w.common || w.score > CUED_SCORE) && !(w.frequent && !w.first);
    const lower =
      !w.cap &&
      !w.taken &&
      !w.stop &&
      !w.org &&
      !w.frequent &&
      !w.particle &&
      (!w.common || w.first) &&
      w.score > CUED_SCORE;
    if (w.place || !(capitalised || lower)) continue;
    if (!joined(text, words[i - 2], words[i - 1]) || !joined(text, words[i - 1], w)) continue;
    used[i] = 1;
    spans.push([w.start, w.end]);
  }
  // "Samen met Noah en Ozy", "Lila and Saskia will …": two capitalised name-like words joined by
  // "and", one of them no dictionary word, are both names (also when one was found already).
  for (let i = words.length - 3; i >= 0; i--) {
    const a = words[i];
    const b = words[i + 2];
    if (!CONJUNCTIONS.has(words[i + 1].key) || (used[i] && used[i + 2])) continue;
    if (!pairable(a) || !pairable(b) || !(unknownName(a) || unknownName(b))) continue;
    if (!joined(text, a, words[i + 1]) || !joined(text, words[i + 1], b)) continue;
    for (const n of [i, i + 2])
      if (!used[n]) {
        used[n] = 1;
        spans.push([words[n].start, words[n].end]);
      }
  }
}

/** A capitalised word that may stand in a pair of names. */
const pairable = (w: Word): boolean =>
  bareName(w) && !w.place && !(w.frequent && !w.first) && (w.first || !w.common || w.score > CUED_SCORE);

/** A word the name lists or the name model vouch for, not a dictionary word. */
const unknownName = (w: Word): boolean => (w.first && !w.common) || (!w.common && w.score > CUED_SCORE);

/** The writer's name after a sign-off, in any case: "Groet,\nTONY SALIEN", "met vriendelijke groet,\nnella de boer". */
import { closingBefore, dashBefore, mayEndClosing } from './person.cues';
import { type Word, joined } from './person.words';

/** Most words a signed name has ("Mỹ Yến van Medegael"). */
const MAX_SIGNED_WORDS = 5;
/** Kisses and the like that may follow a signed name on its line. */
const TRAILER = /^[\s,.!]*(?:x{1,4}\b)?[^\p{L}\p{N}]*$/u;

/** A word that may be part of a signed name. */
function signable(w: Word): boolean {
  if (w.taken || w.stop || w.org) return false;
  if (w.particle || w.text.length === 1) return true;
  if (w.frequent && !w.first && !w.foreign) return false;
  if (w.cap || w.upper) return true;
  return !w.common || w.first || w.last || w.score > 0;
}

/** A word that shows the signed words are a name and not a phrase ("Team Admissions" is not). */
const nameEvidence = (w: Word): boolean =>
  !w.particle && w.text.length > 1 && (w.first || w.last || w.foreign || !w.common || w.score > 1);

/**
 * After a sign-off the rest of the line, when it is one to five name-like words and nothing else,
 * is the writer's name. Casing is no evidence here: signatures come in capitals and lower case.
 */
export function signOffNames(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
): void {
  for (let i = 0; i < words.length; i++) {
    const prev = i > 0 ? words[i - 1] : undefined;
    if (!(prev && mayEndClosing(prev.key)) && !dashBefore(text, words[i].start)) continue;
    if (!closingBefore(text, words[i].start)) continue;
    const lineEnd = text.indexOf('\n', words[i].start);
    const stop = lineEnd === -1 ? text.length : lineEnd;
    let j = i;
    while (j < words.length && words[j].start < stop && j - i < MAX_SIGNED_WORDS + 1) j++;
    // "liefs liza xx": kisses close the line and are no part of the name.
    let end = j;
    while (end > i && /^x{1,4}$/.test(words[end - 1].key)) end--;
    if (end === i || end - i > MAX_SIGNED_WORDS) continue;
    if (!TRAILER.test(text.slice(words[end - 1].end, stop))) continue;
    const seg = words.slice(i, end);
    // After a particle any word is the surname ("nella de boer").
    const ok = seg.every((w, n) => signable(w) || (n > 0 && seg[n - 1].particle && !w.taken && !w.stop));
    // A lone place after a sign-off is a greeting from there ("Groeten, Zwolle"), not a name.
    const core = seg.filter((w) => !w.particle && w.text.length > 1);
    const places = core.filter((w) => w.place && !w.first && !w.last).length;
    if (!ok || !seg.some(nameEvidence) || places === core.length || (places > 0 && core.length === 1))
      continue;
    if (seg.some((w, n) => n > 0 && !joined(text, seg[n - 1], w) && text[seg[n - 1].end] !== '.')) continue;
    if (seg.every((_, n) => used[i + n])) continue;
    for (let n = i; n < end; n++) used[n] = 1;
    spans.push([seg[0].start, seg[seg.length - 1].end]);
    i = end - 1;
  }
}

/** The passes of the name layer after the main scan: compromise, signature lines, repeats, particles. */
import { compromiseMayTagName, compromisePeople } from './compromise.signal';
import { cueBefore, mayEndCue } from './person.cues';
import { type Word, joined } from './person.words';

/** A capitalised word inside a sentence that no rule has claimed or ruled out. */
const undecided = (w: Word, used: number): boolean =>
  !used &&
  w.cap &&
  !w.initial &&
  !w.taken &&
  !w.stop &&
  !w.org &&
  !w.place &&
  !w.particle &&
  !w.frequent &&
  compromiseMayTagName(w.key);

/** Most undecided words per message that compromise is asked about (each costs a parse of its window). */
const MAX_TAGGED_WINDOWS = 1;
/** Characters of context on each side of an undecided word that compromise parses. */
const TAG_WINDOW = 40;

/**
 * compromise's people in English text: words it tags as a person count when they are capitalised
 * and nothing else has ruled them out. Parsed only when some capitalised word is still undecided.
 */
export function taggedPeople(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
): void {
  let windows = 0;
  let parsedTo = 0;
  for (let i = 0; i < words.length && windows < MAX_TAGGED_WINDOWS; i++) {
    if (words[i].start < parsedTo || !undecided(words[i], used[i])) continue;
    windows++;
    // A window of whole words around the undecided one; compromise parses only that.
    let a = i;
    while (a > 0 && words[i].start - words[a - 1].start < TAG_WINDOW) a--;
    let b = i;
    while (b < words.length - 1 && words[b + 1].end - words[i].end < TAG_WINDOW) b++;
    const from = words[a].start;
    parsedTo = words[b].end;
    const people = compromisePeople(text.slice(from, parsedTo)).map(([s, e]): [number, number] => [
      s + from,
      e + from,
    ]);
    claimTagged(words, used, spans, people, a);
  }
}

function claimTagged(
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  people: Array<[number, number]>,
  fromWord: number,
): void {
  let k = fromWord;
  for (const [start, end] of people) {
    while (k < words.length && words[k].end <= start) k++;
    const first = k;
    while (k < words.length && words[k].start < end) k++;
    const inside = words.slice(first, k);
    if (inside.length === 0 || !inside.some((w, n) => undecided(w, used[first + n]))) continue;
    if (!inside.every((w) => (w.cap || w.particle) && !w.taken && !w.stop && !w.org && !w.place)) continue;
    for (let n = first; n < k; n++) used[n] = 1;
    spans.push([inside[0].start, inside[inside.length - 1].end]);
  }
}

/**
 * A line (or the tail of the message) made of one to four capitalised name-like words is a
 * signature or a name in a contact block: "Tariq Mahmood", "MEHMET YILMAZ 06 …", "Maud".
 */
export function signatureLines(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
): void {
  let i = 0;
  while (i < words.length) {
    const lineStart = i;
    const lineEnd = text.indexOf('\n', words[i].end);
    let j = i + 1;
    while (j < words.length && (lineEnd === -1 || words[j].start < lineEnd)) j++;
    // Also consider the tail after the last sentence break on the final line.
    const segments: Array<[number, number]> = [[lineStart, j]];
    if (j === words.length) {
      let k = j - 1;
      while (k > lineStart && !words[k].initial) k--;
      if (k > lineStart) segments.push([k, j]);
    }
    for (const [a, b] of segments) checkSignature(text, words, used, spans, a, b, j === words.length);
    i = j;
  }
}

function checkSignature(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  a: number,
  b: number,
  isLastLine: boolean,
): void {
  const indices: number[] = [];
  for (let k = a; k < b && indices.length <= 5; k++) if (!words[k].taken) indices.push(k);
  if (indices.length === 0 || indices.length > 5) return;
  const seg = indices.map((k) => words[k]);
  if (seg.some((w, k) => k > 0 && !joined(text, seg[k - 1], w))) return;
  const tail = text.slice(seg[seg.length - 1].end, a === b ? 0 : words[b] ? words[b].start : text.length);
  if (/[\p{L}]/u.test(tail.replace(/[\n].*$/su, ''))) return;
  const core = seg.filter((w) => !w.particle);
  if (core.length === 0 || (seg[0].particle && !seg[0].cap)) return;
  const ok = core.every((w) => w.cap && !w.stop && !w.org && !w.place && (w.first || w.last || !w.common));
  if (!ok) return;
  const anyName = core.some((w) => w.first || w.last);
  if (core.length === 1) {
    const w = core[0];
    // A lone word: a first name, or on the last line an unknown capitalised word ("… Hanneke").
    const alone = b - a === 1;
    // "Bel 06 - 12 34 56 78", "Mail …": a word that asks to get in touch is a verb, not a name.
    if (mayEndCue(w.key) && w.common) return;
    if (w.first ? w.frequent && !isLastLine : !isLastLine || !alone || w.common || /\d/.test(tail)) return;
  } else if (!anyName && core.some((w) => w.common)) return;
  const first = indices[0];
  const last = indices[indices.length - 1];
  if (used[first] && used[last]) return;
  for (let k = first; k <= last; k++) used[k] = 1;
  spans.push([seg[0].start, seg[seg.length - 1].end]);
}

/**
 * Once a name is found, its other occurrences count too, in any case ("Rutger … Groet, Rutger"),
 * as do names the conversation's vault already holds.
 */
export function repeats(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
  knownNames?: ReadonlySet<string>,
): void {
  const known = new Set<string>(knownNames);
  // Frequent words ("Josh", "Will") found inside a name repeat only in front of the rest of it.
  const leading = new Set<string>();
  words.forEach((w, i) => {
    if (!used[i] || w.particle || w.key.length <= 2) return;
    if (w.frequent) leading.add(w.key);
    else known.add(w.key);
  });
  if (known.size === 0) return;
  let typos: Set<string> | undefined;
  words.forEach((w, i) => {
    if (used[i] || w.taken) return;
    // "Tyrese … Tryese", "Giang … Gaing": two letters swapped in a name found in the same message.
    if (
      w.cap &&
      !w.stop &&
      !w.org &&
      w.key.length >= MIN_TYPO_LENGTH &&
      !known.has(w.key) &&
      (typos ??= typoKeys(known)).has(w.key)
    ) {
      used[i] = 1;
      spans.push([w.start, w.end]);
      return;
    }
    // A name found once counts again in any case ("Oscar Fong … Oscar fong", "ik ben nona … liefs nona").
    if (known.has(w.key) && (w.cap || w.first || w.last || (!w.frequent && !w.stop && !w.org))) {
      used[i] = 1;
      spans.push([w.start, w.end]);
    } else if (leading.has(w.key) && w.cap) {
      let k = i + 1;
      while (k < words.length && words[k].particle && k - i <= 3) k++;
      const rest = words[k];
      if (!rest || !known.has(rest.key)) return;
      for (let n = i + 1; n <= k; n++) if (!joined(text, words[n - 1], words[n])) return;
      for (let n = i; n < k; n++) used[n] = 1;
      spans.push([w.start, words[k - 1].end]);
    }
  });
}

/** Shortest name whose letter swaps are looked for (shorter swaps hit ordinary words). */
const MIN_TYPO_LENGTH = 4;

/** Every adjacent-letter swap of the found names: at most a few dozen per message. */
function typoKeys(known: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const k of known) {
    if (k.length < MIN_TYPO_LENGTH) continue;
    for (let i = 0; i + 1 < k.length; i++)
      if (k[i] !== k[i + 1]) out.add(k.slice(0, i) + k[i + 1] + k[i] + k.slice(i + 2));
  }
  for (const k of known) out.delete(k);
  return out;
}

/** Particles that belong to the surname after them ("van Hemelryck", "de Ridder", "el Bachiri"). */
const SURNAME_PARTICLES: ReadonlySet<string> = new Set(
  'van de der den ter ten von vom zu da di du dos das del della le la el al bin ibn abu mc mac vande vanden vander'.split(
    ' ',
  ),
);

/**
 * A surname found on its own takes the particles right before it: "Volgens van Ginderen",
 * "zei de Beir". Only lower-case particles, or capitalised ones that start a sentence. A name
 * opening a sentence also takes the unknown, non-dictionary word before it as its first name.
 */
export function particlesBefore(
  text: string,
  words: Word[],
  used: Uint8Array,
  spans: Array<[number, number]>,
): void {
  const at = new Map<number, number>();
  words.forEach((w, n) => at.set(w.start, n));
  for (const span of spans) {
    const first = at.get(span[0]);
    if (first === undefined) continue;
    let k = first;
    while (k > 0 && first - k < 3) {
      const p = words[k - 1];
      if (used[k - 1] || !SURNAME_PARTICLES.has(p.key) || !joined(text, p, words[k])) break;
      if (p.cap && !p.initial) break;
      // A lone "van" is mostly the preposition ("een vraag van Sanne") or ends a cue ("moeder van
      // Keflani"); it belongs to the surname at the start of a sentence or after a cue ("volgens van Riet").
      const lone = p.key === 'van' && k === first;
      if (lone && (cueBefore(text, span[0]) || (!p.initial && !cueBefore(text, p.start)))) break;
      k--;
    }
    // "Lily Tang (34) werd …": a name opening a sentence has its unknown first name before it.
    const p = words[k - 1];
    if (
      p !== undefined &&
      !used[k - 1] &&
      p.initial &&
      p.cap &&
      !p.stop &&
      !p.org &&
      !p.place &&
      !p.taken &&
      !p.frequent &&
      !p.common &&
      (words[k].cap || words[k].particle) &&
      joined(text, p, words[k])
    )
      k--;
    for (let n = k; n < first; n++) used[n] = 1;
    if (k < first) span[0] = words[k].start;
  }
}

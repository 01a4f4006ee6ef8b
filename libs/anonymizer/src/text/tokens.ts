import { fold } from './fold';

/** A word of the input with its offsets; "'t" keeps its apostrophe. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Folded form for lookups. */
  key: string;
  /** Starts with a capital. */
  cap: boolean;
  /** Two or more letters, all capitals (acronyms, or shouting). */
  upper: boolean;
  /** Starts a sentence, line or message (so a capital says little). */
  initial: boolean;
}

const WORD = /[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*/gu;
/** What separates sentences: punctuation, line breaks, quote markers, emoji and other symbols. */
const SENTENCE_BREAK = /[.!?\n;:…>]|[^\p{L}\p{N}\s,'"‘’“”()\-–—&/]/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  for (const m of text.matchAll(WORD)) {
    let start = m.index;
    let word = m[0];
    if (word === 't' && (text[start - 1] === "'" || text[start - 1] === '’')) {
      start -= 1;
      word = "'t";
    }
    const gap = text.slice(prevEnd, start);
    const first = word[0] === "'" ? word[1] : word[0];
    const upperWord = word.toUpperCase();
    tokens.push({
      text: word,
      start,
      end: m.index + m[0].length,
      key: fold(word),
      cap: first !== first.toLowerCase(),
      upper: word.length > 1 && word === upperWord && word !== word.toLowerCase(),
      initial: tokens.length === 0 || (gap !== ' ' && SENTENCE_BREAK.test(gap)),
    });
    prevEnd = m.index + m[0].length;
  }
  return tokens;
}

/**
 * Matches lexicon patterns against a lemma sequence in linear time: each position is looked up in
 * hash maps for phrases of up to MAX_WORDS words (exact), prefixes of its word and (for `*part*`
 * patterns) parts of its word, each bounded by MAX_PATTERN characters.
 */
const MAX_WORDS = 4;
const MAX_PATTERN = 24;

export interface Match {
  value: number;
  /** Index of the first word matched. */
  at: number;
  /** Words covered. */
  length: number;
}

export class LexiconMatcher {
  private readonly exact = new Map<string, number>();
  private readonly prefix = new Map<string, number>();
  private readonly infix = new Map<string, number>();

  constructor(patterns: Record<string, number>) {
    for (const [pattern, value] of Object.entries(patterns)) {
      if (pattern.startsWith('*') && pattern.endsWith('*')) this.infix.set(pattern.slice(1, -1), value);
      else if (pattern.startsWith('*')) this.infix.set(pattern.slice(1), value);
      else if (pattern.endsWith('*')) this.prefix.set(pattern.slice(0, -1), value);
      else this.exact.set(pattern, value);
    }
  }

  /** Longest match starting at each word; a word already covered by a phrase is not matched again. */
  matches(words: readonly string[]): Match[] {
    const out: Match[] = [];
    for (let i = 0; i < words.length;) {
      const match = this.longestAt(words, i);
      if (match) {
        out.push(match);
        i += match.length;
      } else i++;
    }
    return out;
  }

  private longestAt(words: readonly string[], i: number): Match | null {
    let phrase = '';
    let best: Match | null = null;
    for (let n = 1; n <= MAX_WORDS && i + n <= words.length; n++) {
      phrase = n === 1 ? words[i] : `${phrase} ${words[i + n - 1]}`;
      if (phrase.length > MAX_PATTERN * 2) break;
      const value =
        n === 1
          ? (this.exact.get(phrase) ?? this.prefixOf(phrase) ?? this.infixOf(phrase))
          : this.exact.get(phrase);
      if (value !== undefined) best = { value, at: i, length: n };
    }
    return best;
  }

  private prefixOf(text: string): number | undefined {
    for (let l = Math.min(text.length, MAX_PATTERN); l >= 2; l--) {
      const value = this.prefix.get(text.slice(0, l));
      if (value !== undefined) return value;
    }
    return undefined;
  }

  private infixOf(word: string): number | undefined {
    if (word.length > MAX_PATTERN * 2) return undefined;
    for (let start = 1; start < word.length; start++) {
      for (let l = Math.min(word.length - start, MAX_PATTERN); l >= 3; l--) {
        const value = this.infix.get(word.slice(start, start + l));
        if (value !== undefined) return value;
      }
    }
    return undefined;
  }
}

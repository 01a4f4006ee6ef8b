import committed from './name-model.weights.json';

/**
 * A character n-gram model of how much a word looks like a person name rather than an ordinary
 * Dutch or English word: logistic regression over hashed 2- to 5-grams of the folded word with
 * boundary marks ("^mo", "ham", "ed$"). It judges names that no list holds ("Oyelaran",
 * "Wattimena", a misspelt "Mohammd") by their letters. Scoring costs one pass over the word.
 */
export interface NameModelFile {
  version: 1;
  /** Number of hash buckets (a power of two). */
  buckets: number;
  minGram: number;
  maxGram: number;
  bias: number;
  /** Weight of bucket i is int8(weights[i]) * scale. */
  scale: number;
  /** Base64 of one signed byte per bucket. */
  weights: string;
}

export interface NameModel {
  /** Log-odds that the folded word is a name (0 = undecided). */
  logOdds(key: string): number;
}

/** Calls `visit` with the bucket of every n-gram of the word (with boundary marks). */
export function forEachGram(
  key: string,
  minGram: number,
  maxGram: number,
  mask: number,
  visit: (b: number) => void,
): void {
  const w = `^${key}$`;
  for (let i = 0; i < w.length; i++) {
    // FNV-1a, extended one character at a time: each longer gram reuses the shorter one's hash.
    let h = 0x811c9dc5;
    for (let n = 1; n <= maxGram && i + n <= w.length; n++) {
      h ^= w.charCodeAt(i + n - 1);
      h = Math.imul(h, 0x01000193);
      if (n >= minGram) visit((h ^ (n * 0x9e3779b1)) & mask);
    }
  }
}

/** Longer words are scored as their first part: names are short, and the cost stays bounded. */
const MAX_SCORED_LENGTH = 32;

export function loadNameModel(file: NameModelFile): NameModel {
  const bytes = Buffer.from(file.weights, 'base64');
  const weights = new Float32Array(file.buckets);
  for (let i = 0; i < file.buckets; i++) weights[i] = ((bytes[i] << 24) >> 24) * file.scale;
  const mask = file.buckets - 1;
  return {
    logOdds(key: string): number {
      let sum = file.bias;
      forEachGram(key.slice(0, MAX_SCORED_LENGTH), file.minGram, file.maxGram, mask, (b) => {
        sum += weights[b];
      });
      return sum;
    },
  };
}

let active: NameModel | undefined;

/** The model in use: the committed one unless the evaluation put in one trained on half the names. */
export function nameModel(): NameModel {
  if (!active) active = loadNameModel(committed as NameModelFile);
  return active;
}

/** Replaces the model in use (the leave-names-out evaluation); undefined restores the committed one. */
export function useNameModel(model: NameModel | undefined): void {
  active = model;
}

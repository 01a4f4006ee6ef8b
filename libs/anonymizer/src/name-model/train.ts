import { forEachGram, type NameModelFile } from './name-model';
import { seeded } from './seeded-random';

export interface TrainingOptions {
  buckets?: number;
  minGram?: number;
  maxGram?: number;
  epochs?: number;
  seed?: number;
}

/**
 * Trains the name-likeness model: logistic regression by stochastic gradient descent over
 * hashed character n-grams, names against ordinary words, both classes weighted equally.
 * Deterministic for the same input lists and seed. Words on both lists teach nothing and are left out.
 */
export function trainNameModel(
  names: Iterable<string>,
  words: Iterable<string>,
  opts: TrainingOptions = {},
): NameModelFile {
  const buckets = opts.buckets ?? 1 << 17;
  const minGram = opts.minGram ?? 2;
  const maxGram = opts.maxGram ?? 5;
  const epochs = opts.epochs ?? 4;
  const mask = buckets - 1;
  const nameSet = new Set<string>();
  for (const n of names) if (/^[a-z][a-z'-]{1,30}$/.test(n)) nameSet.add(n);
  const wordSet = new Set<string>();
  for (const w of words) if (/^[a-z][a-z'-]{1,30}$/.test(w) && !nameSet.has(w)) wordSet.add(w);
  const samples: Array<[string, number]> = [];
  for (const n of [...nameSet].sort()) if (!wordSet.has(n)) samples.push([n, 1]);
  for (const w of [...wordSet].sort()) samples.push([w, 0]);
  const positives = samples.filter((s) => s[1] === 1).length;
  const classWeight = [samples.length / (2 * (samples.length - positives)), samples.length / (2 * positives)];

  const rnd = seeded(opts.seed ?? 42);
  const order = samples.map((_, i) => i);
  const w = new Float64Array(buckets);
  let bias = 0;
  const grams: number[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const rate = 0.05 / (1 + epoch);
    for (const idx of order) {
      const [key, label] = samples[idx];
      grams.length = 0;
      forEachGram(key, minGram, maxGram, mask, (b) => grams.push(b));
      let z = bias;
      for (const b of grams) z += w[b];
      const p = 1 / (1 + Math.exp(-z));
      const g = (label - p) * classWeight[label] * rate;
      bias += g;
      for (const b of grams) w[b] += g - 1e-6 * w[b];
    }
  }
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max / 127 || 1;
  const bytes = Buffer.alloc(buckets);
  for (let i = 0; i < buckets; i++) bytes[i] = Math.round(w[i] / scale) & 0xff;
  return { version: 1, buckets, minGram, maxGram, bias, scale, weights: bytes.toString('base64') };
}

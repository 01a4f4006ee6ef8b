import { allLocales } from '@faker-js/faker';
import type { CountryCode } from 'libphonenumber-js';
import { nameHalf, type NameHalf } from '../gazetteers/name-holdout';
import { ORIGIN_FIRST_NAMES, ORIGIN_SURNAMES } from '../gazetteers/origin-names';
import { readPackageFile } from '../gazetteers/word-set';
import { isLatinWord } from '../text/fold';
import type { CorpusMessage } from './corpus';
import { EN, NL, type TemplateSet } from './generator-templates';
import * as v from './generator-values';
import type { Span } from './score';

/** A generated message; `senderCountry` is what the channel reports when the phone needs it. */
export interface GeneratedMessage extends CorpusMessage {
  senderCountry?: CountryCode;
}

export interface NamePools {
  first: string[];
  last: string[];
}

export const capitalize = (s: string): string =>
  s.replace(/(^|[\s-])(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
const PARTICLES = /^(van|de|der|den|ter|ten|el|al|ben|da|dos)$/;

/** Writes Dutch surnames with lower-case particles ("van der Berg"). */
export function surnameCase(raw: string): string {
  return capitalize(raw)
    .split(' ')
    .map((p, i, all) => (i < all.length - 1 && PARTICLES.test(p.toLowerCase()) ? p.toLowerCase() : p))
    .join(' ');
}

/** Names of the origins that write to Dutch institutions: faker locales, zxcvbn lists, our origin lists. */
export function namePools(half: NameHalf): NamePools {
  const first: string[] = [];
  const last: string[] = [];
  const ok = (n: string): boolean =>
    isLatinWord(n) &&
    n.length >= 2 &&
    n.split(/[\s-]/).every((p) => PARTICLES.test(p.toLowerCase()) || nameHalf(p) === half);
  for (const code of [
    'nl',
    'nl_BE',
    'en',
    'en_GB',
    'tr',
    'pl',
    'id_ID',
    'de',
    'fr',
    'es',
    'pt_BR',
    'vi',
    'yo_NG',
    'af_ZA',
  ] as const) {
    const person = (allLocales as Record<string, { person?: Record<string, unknown> }>)[code]?.person;
    if (!person) continue;
    const flat = (x: unknown): string[] =>
      Array.isArray(x) ? (x as string[]) : x && typeof x === 'object' ? Object.values(x).flatMap(flat) : [];
    for (const n of flat(person.first_name)) if (ok(n)) first.push(n);
    for (const n of flat(person.last_name)) if (ok(n)) last.push(n);
  }
  const zx = (pkg: string, file: string): string[] =>
    JSON.parse(readPackageFile(pkg, `src/${file}.json`)) as string[];
  for (const n of [
    ...zx('@zxcvbn-ts/language-nl-be', 'boysFirstnames'),
    ...zx('@zxcvbn-ts/language-nl-be', 'girlsFirstnames'),
  ])
    if (ok(n)) first.push(capitalize(n));
  for (const n of zx('@zxcvbn-ts/language-nl-be', 'lastnames')) if (ok(n)) last.push(surnameCase(n));
  // The origin lists are short: weigh them up so that about a quarter of the names come from them.
  for (let k = 0; k < 8; k++) {
    for (const n of ORIGIN_FIRST_NAMES) if (ok(n)) first.push(capitalize(n));
    for (const n of ORIGIN_SURNAMES) if (ok(n)) last.push(surnameCase(n));
  }
  return { first, last };
}

/** Swaps two letters inside the name: the typos people make in their own or others' names. */
function typo(r: v.Rand, name: string): string {
  if (name.length < 5) return name;
  const i = 1 + Math.floor(r() * (name.length - 3));
  if (!/\p{L}\p{L}/u.test(name.slice(i, i + 2))) return name;
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

interface Person {
  first: string;
  last: string;
}

/** Renders a template line, recording the span of every slot that holds an identifier. */
class Builder {
  text = '';
  spans: Span[] = [];
  senderCountry?: CountryCode;
  constructor(
    private readonly r: v.Rand,
    private readonly lang: 'nl' | 'en',
    private readonly upperNames: boolean,
  ) {}

  private name(value: string): string {
    let out = this.r() < 0.08 ? typo(this.r, value) : value;
    if (this.upperNames) out = out.toUpperCase();
    else if (this.r() < 0.04) out = out.toLowerCase();
    return out;
  }

  add(template: string, self: Person, other: Person, third: Person): void {
    const r = this.r;
    const parts = template.split(/(\{[A-Z0-9]+\})/);
    for (const part of parts) {
      const slot = /^\{([A-Z0-9]+)\}$/.exec(part)?.[1];
      if (!slot) {
        this.text += part;
        continue;
      }
      let type = 'PERSON';
      let value: string;
      switch (slot) {
        case 'F':
          value = this.name(self.first);
          break;
        case 'F2':
          value = this.name(third.first);
          break;
        case 'N':
          value = `${this.name(self.first)} ${this.name(self.last)}`;
          break;
        case 'L':
          value = this.name(other.last);
          break;
        case 'I':
          value = `${other.first[0].toUpperCase()}.${r() < 0.3 ? ` ${third.first[0].toUpperCase()}.` : ''} ${this.name(other.last)}`;
          break;
        case 'PHONE': {
          const p = v.phone(r);
          value = p.value;
          this.senderCountry ??= p.senderCountry;
          type = 'PHONE';
          break;
        }
        case 'EMAIL':
          value = v.email(r, self.first, self.last);
          type = 'EMAIL';
          break;
        case 'IBAN':
          value = v.iban(r);
          type = 'IBAN';
          break;
        case 'BSN':
          value = v.bsn(r);
          type = 'BSN';
          break;
        case 'PC':
          value = v.postcode(r);
          type = 'POSTCODE';
          break;
        case 'CARD':
          value = v.card(r);
          type = 'CREDIT_CARD';
          break;
        case 'IP':
          value = v.ip(r);
          type = 'IP_ADDRESS';
          break;
        case 'DOB':
          value = v.dateOfBirth(r, this.lang);
          type = 'DATE_OF_BIRTH';
          break;
        case 'SNR':
          value = v.studentNumber(r);
          type = 'STUDENT_NUMBER';
          break;
        case 'URL':
          value = v.personalUrl(r, self.first, self.last);
          type = 'URL';
          break;
        case 'ADDR':
          value = v.address(r);
          type = 'ADDRESS';
          break;
        default:
          throw new Error(`unknown slot ${slot}`);
      }
      this.spans.push({ type, start: this.text.length, end: this.text.length + value.length });
      this.text += value;
    }
  }
}

/**
 * Generates realistic webcare messages (Dutch and English; greetings, introductions, bodies with
 * identifiers, filler, sign-offs; lower case, all caps, typos, initials) whose names all come
 * from one half of the name sources. Deterministic for a seed.
 */
export function generateMessages(count: number, half: NameHalf, seed = 7): GeneratedMessage[] {
  const r = v.seeded(seed);
  const pools = namePools(half);
  const person = (): Person => ({ first: v.pick(r, pools.first), last: v.pick(r, pools.last) });
  const out: GeneratedMessage[] = [];
  for (let n = 0; n < count; n++) {
    const lang = r() < 0.6 ? 'nl' : 'en';
    const t: TemplateSet = lang === 'nl' ? NL : EN;
    const b = new Builder(r, lang, r() < 0.06);
    const self = person();
    const staff = person();
    const other = person();
    const lines: Array<[string, Person, Person]> = [];
    lines.push([v.pick(r, t.greetings), staff, staff]);
    lines.push([v.pick(r, t.intros), self, other]);
    const bodies = 1 + Math.floor(r() * 3);
    for (let k = 0; k < bodies; k++)
      lines.push([v.pick(r, r() < 0.7 ? t.bodies : t.fillers), k === 0 ? self : other, other]);
    lines.push([v.pick(r, t.signoffs), self, other]);
    const kept = lines.filter(([l]) => l !== '');
    kept.forEach(([line, a, c], i) => {
      if (i > 0) b.text += r() < 0.5 ? '\n' : ' ';
      b.add(line, a, c, person());
    });
    let text = b.text;
    // Lower-casing must keep offsets ("İ" would become two characters).
    if (r() < 0.1 && text.toLowerCase().length === text.length) text = text.toLowerCase();
    out.push({ id: `gen-${half}-${n}`, lang, text, entities: b.spans, senderCountry: b.senderCountry });
  }
  return out;
}

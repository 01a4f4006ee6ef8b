import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { digits, luhnDigit, mod97, pick, type Rand } from './generator-values';

/**
 * Identifier values for the English synthetic set, written the way English-speaking senders and
 * forms write them. Built from the formats' rules (NANP, E.164 with national groupings, card
 * issuer ranges with Luhn, ISO 13616 IBANs), never copied from a test set.
 */
const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));

/** NANP: area code and exchange start with 2-9; the N11 service codes are skipped. */
function nanp(r: Rand): [string, string, string] {
  const nxx = (): string => {
    for (;;) {
      const v = `${int(r, 2, 9)}${digits(r, 2)}`;
      if (v.slice(1) !== '11') return v;
    }
  };
  return [pick(r, ['800', '888', nxx(), nxx(), nxx()]), r() < 0.3 ? '555' : nxx(), digits(r, 4)];
}

const US_FORMATS: Array<(a: string, e: string, s: string) => string> = [
  (a, e, s) => `(${a}) ${e}-${s}`,
  (a, e, s) => `(${a})${e}-${s}`,
  (a, e, s) => `${a}-${e}-${s}`,
  (a, e, s) => `${a}.${e}.${s}`,
  (a, e, s) => `${a} ${e} ${s}`,
  (a, e, s) => `+1 ${a} ${e} ${s}`,
  (a, e, s) => `+1-${a}-${e}-${s}`,
  (a, e, s) => `+1 (${a}) ${e}-${s}`,
  (a, e, s) => `1-${a}-${e}-${s}`,
  (a, e, s) => `1 (${a}) ${e}-${s}`,
  (a, e, s) => `+1.${a}.${e}.${s}`,
  (a, e, s) => `${a}${e}${s}`,
  (a, e, s) => `001-${a}-${e}-${s}`,
];

/** International numbers in E.164 with the national grouping of each country (and the "(0)" habit). */
const INTERNATIONAL: Array<[CountryCode, (r: Rand) => string]> = [
  ['GB', (r) => `+44 20 7${digits(r, 3)} ${digits(r, 4)}`],
  ['GB', (r) => `+44 (0)20 7${digits(r, 3)} ${digits(r, 4)}`],
  ['GB', (r) => `+44 7${pick(r, ['4', '5', '7', '8', '9'])}${digits(r, 2)} ${digits(r, 6)}`],
  ['GB', (r) => `+44 161 ${int(r, 2, 9)}${digits(r, 2)} ${digits(r, 4)}`],
  ['GB', (r) => `0044 20 7${digits(r, 3)} ${digits(r, 4)}`],
  ['DE', (r) => `+49 30 ${int(r, 2, 9)}${digits(r, 6)}`],
  ['DE', (r) => `+49 (0)30 ${int(r, 2, 9)}${digits(r, 6)}`],
  ['DE', (r) => `+49 151 ${digits(r, 8)}`],
  ['FR', (r) => `+33 1 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`],
  ['FR', (r) => `+33 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}`],
  ['NL', (r) => `+31 (0)20 ${int(r, 2, 7)}${digits(r, 6)}`],
  ['NL', (r) => `+31 6 ${digits(r, 4)} ${digits(r, 4)}`],
  ['IE', (r) => `+353 1 ${int(r, 2, 9)}${digits(r, 2)} ${digits(r, 4)}`],
  ['IN', (r) => `+91 ${int(r, 7, 9)}${digits(r, 4)} ${digits(r, 5)}`],
  ['AU', (r) => `+61 2 ${int(r, 8, 9)}${digits(r, 3)} ${digits(r, 4)}`],
  ['AU', (r) => `+61 4${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`],
  ['NG', (r) => `+234 80${int(r, 3, 9)} ${digits(r, 3)} ${digits(r, 4)}`],
  ['ZA', (r) => `+27 82 ${digits(r, 3)} ${digits(r, 4)}`],
  ['ES', (r) => `+34 6${digits(r, 2)} ${digits(r, 3)} ${digits(r, 3)}`],
  ['IT', (r) => `+39 3${digits(r, 2)} ${digits(r, 7)}`],
  ['CA', (r) => `+1 416 ${int(r, 2, 9)}${digits(r, 2)} ${digits(r, 4)}`],
  ['BR', (r) => `+55 11 9${digits(r, 4)}-${digits(r, 4)}`],
  ['MX', (r) => `+52 55 ${digits(r, 4)} ${digits(r, 4)}`],
  ['JP', (r) => `+81 3-${digits(r, 4)}-${digits(r, 4)}`],
];

const EXTENSIONS = [' ext. ', ' ext ', ' x', ' x.', ', ext. ', ' extension '];

/** A phone number: the gold span and, when an extension follows, the extension outside it. */
export function englishPhone(r: Rand): { value: string; tail: string } {
  const tail = r() < 0.12 ? pick(r, EXTENSIONS) + digits(r, int(r, 2, 4)) : '';
  if (r() < 0.55) {
    const [a, e, s] = nanp(r);
    return { value: pick(r, US_FORMATS)(a, e, s), tail };
  }
  for (;;) {
    const [country, make] = pick(r, INTERNATIONAL);
    const value = make(r);
    const n = parsePhoneNumberFromString(value.replace(/\(0\)/, '').replace(/^00/, '+'), country);
    if (n?.isValid()) return { value, tail };
  }
}

/** Issuer ranges (IIN) with card length and the grouping each brand prints. */
const BRANDS: Array<{ prefix: (r: Rand) => string; length: number; groups: number[] }> = [
  { prefix: () => '4', length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => '4', length: 13, groups: [4, 4, 5] },
  { prefix: (r) => String(int(r, 51, 55)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => String(int(r, 2221, 2720)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => pick(r, ['34', '37']), length: 15, groups: [4, 6, 5] },
  { prefix: (r) => pick(r, ['6011', '65', String(int(r, 644, 649))]), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => String(int(r, 3528, 3589)), length: 16, groups: [4, 4, 4, 4] },
  { prefix: (r) => pick(r, ['36', '38', String(int(r, 300, 305))]), length: 14, groups: [4, 6, 4] },
  { prefix: () => '62', length: 16, groups: [4, 4, 4, 4] },
  { prefix: () => '62', length: 19, groups: [4, 4, 4, 4, 3] },
  { prefix: (r) => pick(r, ['5018', '5020', '6304', '6759']), length: 16, groups: [4, 4, 4, 4] },
];

/** A card number of a random brand, valid by Luhn, grouped with spaces or dashes or not at all. */
export function cardNumber(r: Rand): string {
  const brand = pick(r, BRANDS);
  const p = brand.prefix(r);
  const body = p + digits(r, brand.length - p.length - 1);
  const full = body + luhnDigit(body);
  const sep = pick(r, [' ', '-', '', ' ', '-']);
  const out: string[] = [];
  let at = 0;
  for (const g of brand.groups) {
    out.push(full.slice(at, at + g));
    at += g;
  }
  return out.join(sep);
}

const MONTHS = 'January February March April May June July August September October November December'.split(
  ' ',
);
const ordinal = (d: number): string =>
  d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th';

/** A date of birth in the written English forms (US and UK order, ordinals, ISO, short months). */
export function englishDate(r: Rand): string {
  const d = int(r, 1, 28);
  const m = int(r, 0, 11);
  const y = int(r, 1950, 2008);
  const month = MONTHS[m];
  const mm = String(m + 1).padStart(2, '0');
  const dd = String(d).padStart(2, '0');
  return pick(r, [
    `${month} ${d}${ordinal(d)}, ${y}`,
    `${month} ${d}, ${y}`,
    `${month.slice(0, 3)} ${d}, ${y}`,
    `${month.slice(0, 3)}. ${d} ${y}`,
    `${d} ${month} ${y}`,
    `${d}${ordinal(d)} ${month} ${y}`,
    `${d}${ordinal(d)} of ${month}, ${y}`,
    `${d}-${month.slice(0, 3)}-${y}`,
    `${mm}/${dd}/${y}`,
    `${m + 1}/${d}/${y}`,
    `${dd}/${mm}/${y}`,
    `${y}-${mm}-${dd}`,
    `${dd}.${mm}.${y}`,
  ]);
}

/** IBANs of several countries (ISO 13616 check digits), compact or in groups of four. */
export function englishIban(r: Rand): string {
  const [country, bban] = pick(r, [
    ['GB', () => pick(r, ['NWBK', 'BARC', 'MIDL', 'LOYD']) + digits(r, 14)],
    ['DE', () => digits(r, 18)],
    ['FR', () => digits(r, 23)],
    ['IE', () => pick(r, ['AIBK', 'BOFI']) + digits(r, 14)],
    ['ES', () => digits(r, 20)],
    ['NL', () => pick(r, ['ABNA', 'INGB', 'RABO']) + digits(r, 10)],
  ] as Array<[string, () => string]>);
  const b = bban();
  const numeric = (b + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const compact = country + String(98 - mod97(numeric)).padStart(2, '0') + b;
  return r() < 0.5 ? compact : compact.replace(/(.{4})/g, '$1 ').trim();
}

export function ipAddress(r: Rand): string {
  if (r() < 0.7) return [int(r, 11, 223), int(r, 0, 255), int(r, 0, 255), int(r, 1, 254)].join('.');
  const h = (): string => Math.floor(r() * 65536).toString(16);
  return r() < 0.5 ? `2001:db8:${h()}:${h()}:${h()}:${h()}:${h()}:${h()}` : `2a02:${h()}:${h()}::${h()}`;
}

const STREET_NAMES = [
  'Maple',
  'Oak',
  'Cedar',
  'Elm',
  'Highland',
  'Lakeview',
  'Church',
  'Station',
  'Mill',
  'Park',
];
const STREET_TYPES = ['Street', 'Avenue', 'Road', 'Lane', 'Drive', 'Court', 'Boulevard', 'St.', 'Ave', 'Rd'];

const TOWNS: Array<[string, string]> = [
  ['Springfield', 'IL'],
  ['Austin', 'TX'],
  ['Portland', 'OR'],
  ['New York', 'NY'],
  ['Columbus', 'OH'],
  ['Fort Collins', 'CO'],
];
const UK_TOWNS = ['London', 'Leeds', 'Bristol', 'Manchester'];
const letter = (r: Rand, from = 'ABDEFGHJLNPQRSTUWXYZ'): string => from[Math.floor(r() * from.length)];

/**
 * A street address in English order, number first ("1425 Maple Avenue"), sometimes with a unit,
 * the town and a US state + ZIP (USPS order) or a UK postcode (outward + inward code).
 */
export function streetAddress(r: Rand): string {
  const n = String(int(r, 1, 9999)) + (r() < 0.1 ? pick(r, ['A', 'B']) : '');
  const name =
    r() < 0.2 ? `${pick(r, ['North', 'West', 'Old'])} ${pick(r, STREET_NAMES)}` : pick(r, STREET_NAMES);
  const street = `${n} ${name} ${pick(r, STREET_TYPES)}`;
  const tail = r();
  if (tail < 0.5) return street;
  const unit =
    r() < 0.3 ? `, ${pick(r, ['Apt', 'Apt.', 'Suite', 'Unit'])} ${int(r, 1, 40)}${pick(r, ['', 'B'])}` : '';
  if (tail < 0.8) {
    const [town, state] = pick(r, TOWNS);
    return `${street}${unit}, ${town}, ${state} ${digits(r, 5)}${r() < 0.3 ? `-${digits(r, 4)}` : ''}`;
  }
  const outward = `${letter(r)}${letter(r)}${int(r, 1, 20)}`;
  return `${street}${unit}, ${pick(r, UK_TOWNS)} ${outward} ${int(r, 0, 9)}${letter(r)}${letter(r)}`;
}

/** Student and member numbers in the shapes institutions print ("A01234567", "2019-04417", "s2345678"). */
export function studentId(r: Rand): string {
  return pick(r, [
    () => `A${digits(r, 8)}`,
    () => `${int(r, 2015, 2024)}-${digits(r, 5)}`,
    () => `s${digits(r, 7)}`,
    () => `${int(r, 1, 9)}${digits(r, 6)}`,
    () => `U${digits(r, 7)}`,
  ])();
}

import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { seeded } from '../name-model/seeded-random';

/** Values of every identifier type in the formats people write them, drawn from a seeded PRNG. */
export type Rand = () => number;

export { seeded };

export const pick = <T>(r: Rand, list: readonly T[]): T => list[Math.floor(r() * list.length)];
export const digits = (r: Rand, n: number): string =>
  Array.from({ length: n }, () => Math.floor(r() * 10)).join('');

interface PhoneFormat {
  country: CountryCode;
  /** Digit template: d = random digit. */
  make: (r: Rand) => string;
  /** Whether only a sender country makes this national format recognisable. */
  needsCountry?: boolean;
}

const PHONES: PhoneFormat[] = [
  { country: 'NL', make: (r) => `06-${digits(r, 8)}` },
  { country: 'NL', make: (r) => `06 ${digits(r, 4)} ${digits(r, 4)}` },
  { country: 'NL', make: (r) => `06${digits(r, 8)}` },
  { country: 'NL', make: (r) => `+31 6 ${digits(r, 8)}` },
  { country: 'NL', make: (r) => `+316${digits(r, 8)}` },
  { country: 'NL', make: (r) => `0031 6 ${digits(r, 4)} ${digits(r, 4)}` },
  { country: 'NL', make: (r) => `020-${pick(r, ['6', '4', '7'])}${digits(r, 6)}` },
  { country: 'NL', make: (r) => `030 ${pick(r, ['2', '6'])}${digits(r, 2)} ${digits(r, 4)}` },
  { country: 'BE', make: (r) => `+32 47${digits(r, 1)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}` },
  { country: 'DE', make: (r) => `+49 151 ${digits(r, 8)}` },
  { country: 'GB', make: (r) => `+44 7${pick(r, ['4', '5', '7', '8', '9'])}${digits(r, 2)} ${digits(r, 6)}` },
  { country: 'TR', make: (r) => `+90 53${digits(r, 1)} ${digits(r, 3)} ${digits(r, 2)} ${digits(r, 2)}` },
  { country: 'MA', make: (r) => `+212 6 ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)} ${digits(r, 2)}` },
  { country: 'SR', make: (r) => `+597 8${digits(r, 2)}-${digits(r, 4)}` },
  { country: 'CW', make: (r) => `+599 9 5${digits(r, 2)} ${digits(r, 4)}` },
  { country: 'US', make: (r) => `(${usArea(r)}) ${usExchange(r)}-${digits(r, 4)}` },
  { country: 'US', make: (r) => `${usArea(r)}-${usExchange(r)}-${digits(r, 4)}` },
  { country: 'US', make: (r) => `${usArea(r)}.${usExchange(r)}.${digits(r, 4)}` },
  { country: 'US', make: (r) => `+1 ${usArea(r)} ${usExchange(r)} ${digits(r, 4)}` },
  { country: 'US', make: (r) => `1-${usArea(r)}-${usExchange(r)}-${digits(r, 4)}` },
  { country: 'DE', make: (r) => `0151 ${digits(r, 8)}`, needsCountry: true },
  {
    country: 'GB',
    make: (r) => `07${pick(r, ['4', '5', '7', '8', '9'])}${digits(r, 2)} ${digits(r, 6)}`,
    needsCountry: true,
  },
];
const usArea = (r: Rand): string =>
  pick(r, ['212', '415', '312', '617', '646', '718', '202', '305', '503', '720']);
const usExchange = (r: Rand): string => `${2 + Math.floor(r() * 7)}${digits(r, 2)}`;

/** A phone number valid for its country, and the sender country a channel would report with it. */
export function phone(r: Rand): { value: string; senderCountry?: CountryCode } {
  for (;;) {
    const f = pick(r, PHONES);
    const value = f.make(r);
    const n = parsePhoneNumberFromString(value.replace(/^00/, '+'), f.country);
    if (n?.isValid()) return { value, senderCountry: f.needsCountry ? f.country : undefined };
  }
}

export function mod97(numeric: string): number {
  let rest = 0;
  for (const c of numeric) rest = (rest * 10 + Number(c)) % 97;
  return rest;
}

/** IBAN with a valid check; Dutch, Belgian or German, compact or in groups of four. */
export function iban(r: Rand): string {
  const [country, bban] = pick(r, [
    ['NL', () => pick(r, ['ABNA', 'INGB', 'RABO', 'SNSB', 'TRIO', 'ASNB', 'KNAB', 'BUNQ']) + digits(r, 10)],
    ['BE', () => ((d) => d + String(Number(d) % 97 || 97).padStart(2, '0'))(digits(r, 10))],
    ['DE', () => digits(r, 18)],
  ] as Array<[string, () => string]>);
  const b = bban();
  const numeric = (b + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = String(98 - mod97(numeric)).padStart(2, '0');
  const compact = country + check + b;
  return r() < 0.5 ? compact : compact.replace(/(.{4})/g, '$1 ').trim();
}

/** A nine-digit number that passes the BSN 11-proof. */
export function bsn(r: Rand): string {
  for (;;) {
    const d = digits(r, 8);
    const s = [...d].reduce((acc, c, i) => acc + Number(c) * (9 - i), 0);
    const last = s % 11;
    if (last <= 9 && d[0] !== '0') return d + String(last);
  }
}

export function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let n = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return String((10 - (sum % 10)) % 10);
}

/** Visa/Mastercard in 4-4-4-4 or Amex in 4-6-5, with spaces, dashes or none. */
export function card(r: Rand): string {
  const amex = r() < 0.25;
  const body = amex ? pick(r, ['34', '37']) + digits(r, 12) : pick(r, ['4', '51', '53', '55']) + '';
  const full = amex ? body + luhnDigit(body) : ((b) => b + luhnDigit(b))(body + digits(r, 15 - body.length));
  const sep = pick(r, [' ', '-', '']);
  const groups = amex ? [full.slice(0, 4), full.slice(4, 10), full.slice(10)] : full.match(/.{4}/g)!;
  return groups.join(sep);
}

const NL_MONTHS =
  'januari februari maart april mei juni juli augustus september oktober november december'.split(' ');
const EN_MONTHS =
  'January February March April May June July August September October November December'.split(' ');

export function dateOfBirth(r: Rand, lang: 'nl' | 'en'): string {
  const d = 1 + Math.floor(r() * 28);
  const m = Math.floor(r() * 12);
  const y = 1975 + Math.floor(r() * 35);
  const dd = String(d).padStart(2, '0');
  const mm = String(m + 1).padStart(2, '0');
  const nth = d === 1 || d === 21 ? 'st' : d === 2 || d === 22 ? 'nd' : d === 3 || d === 23 ? 'rd' : 'th';
  const forms =
    lang === 'nl'
      ? [
          `${d} ${NL_MONTHS[m]} ${y}`,
          `${dd}-${mm}-${y}`,
          `${d}-${m + 1}-${y}`,
          `${d} ${NL_MONTHS[m].slice(0, 3)} ${y}`,
        ]
      : [
          `${EN_MONTHS[m]} ${d}, ${y}`,
          `${d} ${EN_MONTHS[m]} ${y}`,
          `${d}${nth} of ${EN_MONTHS[m]} ${y}`,
          `${y}-${mm}-${dd}`,
        ];
  return pick(r, forms);
}

export function studentNumber(r: Rand): string {
  return pick(r, [
    () => digits(r, 7),
    () => `s${digits(r, 7)}`,
    () => `u${digits(r, 7)}`,
    () => `${1 + Math.floor(r() * 9)}${digits(r, 5)}`,
    () => `50${digits(r, 7)}`,
  ])();
}

const STREETS = [
  'Kerkstraat',
  'Lindenlaan',
  'Van Goghstraat',
  'Dorpsweg',
  'Molenweg',
  'Schoolstraat',
  'Prinsengracht',
  'Julianalaan',
  'Oude Gracht',
  'Berkenhof',
];

export function address(r: Rand): string {
  return `${pick(r, STREETS)} ${1 + Math.floor(r() * 200)}${pick(r, ['', '', 'a', 'B', '-2'])}`;
}

export function postcode(r: Rand): string {
  const letters = 'ABCEGHJKLMNPRSTVWXZ';
  return `${1 + Math.floor(r() * 9)}${digits(r, 3)}${pick(r, [' ', ''])}${pick(r, [...letters])}${pick(r, [...letters])}`;
}

export function ip(r: Rand): string {
  return `${pick(r, ['84', '145', '213', '62', '31'])}.${Math.floor(r() * 256)}.${Math.floor(r() * 256)}.${1 + Math.floor(r() * 254)}`;
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

export function email(r: Rand, first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  const user = pick(r, [`${f}.${l}`, `${f}${l}`, `${f[0]}${l}`, `${f}${digits(r, 2)}`, `${l}.${f}`]);
  return `${user}@${pick(r, ['gmail.com', 'hotmail.com', 'outlook.com', 'live.nl', 'ziggo.nl', 'yahoo.com'])}`;
}

export function personalUrl(r: Rand, first: string, last: string): string {
  const f = slug(first);
  const l = slug(last);
  return pick(r, [
    `linkedin.com/in/${f}-${l}-${digits(r, 4)}`,
    `https://www.linkedin.com/in/${f}${l}`,
    `instagram.com/${f}.${l}`,
    `https://github.com/${f}${l[0] ?? ''}`,
    `www.${f}${l}.nl`,
    `${f}${l}.com`,
  ]);
}

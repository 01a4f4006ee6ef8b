import { randomBytes } from 'node:crypto';
import { signedBody, waTextWebhook } from '../../test/support/whatsapp-payloads';

const FIRST = [
  'Fenna',
  'Daan',
  'Sanne',
  'Bram',
  'Lotte',
  'Jesse',
  'Noor',
  'Thijs',
  'Emma',
  'Sem',
  'Fleur',
  'Mohammed',
  'Yara',
  'Luuk',
  'Anouk',
  'Milan',
  'Iris',
  'Ruben',
  'Zoë',
  'Stijn',
];
const LAST = [
  'de Jong',
  'Jansen',
  'de Vries',
  'van den Berg',
  'van Dijk',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'de Boer',
  'Mulder',
  'de Groot',
  'Bos',
  'Vos',
  'Peters',
  'Hendriks',
  'El Amrani',
  'Yılmaz',
];
const PROGRAMS = [
  'HBO-ICT',
  'Verpleegkunde',
  'Bedrijfskunde',
  'Pabo',
  'Social Work',
  'Communicatie',
  'Werktuigbouwkunde',
  'Rechten',
];
const CITIES = [
  'Utrecht',
  'Amsterdam',
  'Rotterdam',
  'Groningen',
  'Eindhoven',
  'Zwolle',
  'Nijmegen',
  'Den Haag',
];

const pick = <T>(xs: T[]): T => xs[Math.floor(Math.random() * xs.length)];
const digits = (n: number) => Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join('');

/** Realistic inbound questions; about half carry a name, a phone number, an e-mail or a student number. */
const TEMPLATES: ((p: { name: string; phone: string; program: string; city: string }) => string)[] = [
  (p) => `Hoi, wanneer is de volgende open dag voor ${p.program}? Groetjes, ${p.name}`,
  (p) =>
    `Goedemiddag, ik ben ${p.name} en ik heb me aangemeld voor ${p.program}. Kunt u mij terugbellen op ${p.phone}?`,
  () => `Hallo! Tot wanneer kan ik me inschrijven voor september? Ik twijfel nog tussen twee opleidingen.`,
  (p) =>
    `Beste medewerker, mijn studentnummer is ${digits(7)}. Ik heb mijn collegegeld betaald maar zie nog een openstaand bedrag. Mvg ${p.name}`,
  (p) => `Is er een mogelijkheid om ${p.program} in deeltijd te doen? Ik woon in ${p.city} en werk fulltime.`,
  (p) =>
    `Mijn dochter ${p.name.split(' ')[0]} wil graag meelopen bij ${p.program}. Mijn nummer is ${p.phone}, bedankt alvast!`,
  () => `Waar vind ik het rooster voor de intro week? Op de site staat nog niks 🙈`,
  (p) => `Hoi, ik heb een vraag over de toelatingseisen voor ${p.program}. Is wiskunde B verplicht?`,
  (p) =>
    `Goedemorgen, u kunt mij bereiken via ${p.name.split(' ')[0].toLowerCase()}.${digits(2)}@gmail.com of ${p.phone}. Het gaat om mijn inschrijving.`,
  () => `Dank voor jullie snelle antwoord! 👍`,
];

export function dutchText(): string {
  const name = `${pick(FIRST)} ${pick(LAST)}`;
  const phone = Math.random() < 0.5 ? `06-${digits(8)}` : `+31 6 ${digits(4)} ${digits(4)}`;
  return pick(TEMPLATES)({ name, phone, program: pick(PROGRAMS), city: pick(CITIES) });
}

/** A pool of senders (wa_id) with fixed display names, so messages spread over many cases. */
export function senderPool(n: number): { from: string; name: string }[] {
  const seen = new Set<string>();
  const out: { from: string; name: string }[] = [];
  while (out.length < n) {
    const from = `316${digits(8)}`;
    if (seen.has(from)) continue;
    seen.add(from);
    out.push({ from, name: `${pick(FIRST)} ${pick(LAST)}` });
  }
  return out;
}

export function waMessageId(seq: number): string {
  return `wamid.BENCH${seq.toString(36)}${randomBytes(12).toString('base64url')}`;
}

/** The documented Cloud API webhook shape with one text message; serialized as Meta does and signed. */
export function signedTextWebhook(m: { from: string; name: string; id: string; text: string }): {
  raw: Buffer;
  signature: string;
} {
  return signedBody(waTextWebhook([m]));
}

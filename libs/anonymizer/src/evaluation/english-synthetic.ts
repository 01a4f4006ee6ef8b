import { allLocales } from '@faker-js/faker';
import { holdOutNames, nameHalf } from '../gazetteers/name-holdout';
import { useNameModel } from '../name-model/name-model';
import { trainModelFromSources } from '../name-model/training-data';
import { isLatinWord } from '../text/fold';
import type { CorpusMessage } from './corpus';
import * as t from './english-synthetic-templates';
import * as v from './english-synthetic-values';
import { pick, seeded, type Rand } from './generator-values';
import { scoreMessages } from './leave-names-out';
import type { Score, Span } from './score';

/**
 * English synthetic sentences (customer service, forms, narrative) with US, UK and international
 * identifiers. Names come from faker's English locales, only the half the build leaves out
 * (see name-holdout.ts), so the score says what the engine does with names it has never seen.
 */
const LOCALES = ['en', 'en_US', 'en_GB', 'en_AU', 'en_CA', 'en_IE', 'en_IN', 'en_NG', 'en_ZA'] as const;

interface Person {
  first: string;
  last: string;
}

function englishNames(): { first: string[]; last: string[] } {
  const first = new Set<string>();
  const last = new Set<string>();
  const flat = (x: unknown): string[] =>
    Array.isArray(x) ? (x as string[]) : x && typeof x === 'object' ? Object.values(x).flatMap(flat) : [];
  const ok = (n: string): boolean => isLatinWord(n) && n.length >= 2 && !/\s/.test(n) && nameHalf(n) === 1;
  for (const code of LOCALES) {
    const person = (allLocales as Record<string, { person?: Record<string, unknown> }>)[code]?.person;
    if (!person) continue;
    for (const n of flat(person.first_name)) if (ok(n)) first.add(n);
    for (const n of flat(person.last_name)) if (ok(n)) last.add(n);
  }
  return { first: [...first].sort(), last: [...last].sort() };
}

const slug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();

function email(r: Rand, p: Person): string {
  const f = slug(p.first);
  const l = slug(p.last);
  const user = pick(r, [
    `${f}.${l}`,
    `${f}${l}`,
    `${f[0]}${l}`,
    `${f}_${l}${Math.floor(r() * 99)}`,
    `${l}.${f}`,
  ]);
  return `${user}@${pick(r, ['gmail.com', 'yahoo.com', 'outlook.com', 'icloud.com', 'aol.com', 'example.co.uk'])}`;
}

function profileUrl(r: Rand, p: Person): string {
  const f = slug(p.first);
  const l = slug(p.last);
  return pick(r, [
    `https://www.linkedin.com/in/${f}-${l}-${Math.floor(r() * 9000) + 1000}`,
    `linkedin.com/in/${f}${l}`,
    `https://instagram.com/${f}.${l}`,
    `https://twitter.com/${f}_${l}`,
    `github.com/${f}${l[0] ?? ''}`,
    `https://www.facebook.com/${f}.${l}`,
    `www.${f}${l}.com`,
  ]);
}

/** Renders one template, recording the gold span of every identifier slot. */
function render(r: Rand, template: string, p: Person, out: { text: string; spans: Span[] }): void {
  for (const part of template.split(/(\{[A-Z]+\})/)) {
    const slot = /^\{([A-Z]+)\}$/.exec(part)?.[1];
    if (!slot) {
      out.text += part;
      continue;
    }
    let type = 'PERSON';
    let value: string;
    let tail = '';
    switch (slot) {
      case 'N':
        value = `${p.first} ${p.last}`;
        break;
      case 'F':
        value = p.first;
        break;
      case 'L':
        value = p.last;
        break;
      case 'PHONE':
        ({ value, tail } = v.englishPhone(r));
        type = 'PHONE';
        break;
      case 'CARD':
        [type, value] = ['CREDIT_CARD', v.cardNumber(r)];
        break;
      case 'EMAIL':
        [type, value] = ['EMAIL', email(r, p)];
        break;
      case 'IP':
        [type, value] = ['IP_ADDRESS', v.ipAddress(r)];
        break;
      case 'IBAN':
        [type, value] = ['IBAN', v.englishIban(r)];
        break;
      case 'URL':
        [type, value] = ['URL', profileUrl(r, p)];
        break;
      case 'DOB':
        [type, value] = ['DATE_OF_BIRTH', v.englishDate(r)];
        break;
      case 'ADDR':
        [type, value] = ['ADDRESS', v.streetAddress(r)];
        break;
      case 'SNR':
        [type, value] = ['STUDENT_NUMBER', v.studentId(r)];
        break;
      default:
        throw new Error(`unknown slot ${slot}`);
    }
    out.spans.push({ type, start: out.text.length, end: out.text.length + value.length });
    out.text += value + tail;
  }
}

/** `count` English messages of one to three sentences, deterministic for a seed. */
export function generateEnglishSynthetic(count = 500, seed = 11): CorpusMessage[] {
  const r = seeded(seed);
  const names = englishNames();
  const person = (): Person => ({ first: pick(r, names.first), last: pick(r, names.last) });
  const messages: CorpusMessage[] = [];
  for (let n = 0; n < count; n++) {
    const p = person();
    const out = { text: '', spans: [] as Span[] };
    const style = r();
    const body = style < 0.45 ? t.SERVICE : style < 0.7 ? t.FORMS : t.NARRATIVE;
    const parts = [pick(r, t.OPENERS), pick(r, body)];
    if (r() < 0.35) parts.push(pick(r, r() < 0.5 ? t.DISTRACTORS : body));
    parts.push(pick(r, t.CLOSERS));
    parts
      .filter((s) => s !== '')
      .forEach((s, i) => {
        if (i > 0) out.text += r() < 0.5 ? '\n' : ' ';
        render(r, s, p, out);
      });
    messages.push({ id: `en-syn-${n}`, lang: 'en', text: out.text, entities: out.spans });
  }
  return messages;
}

/** Scores the set with the held-out name half left out of the gazetteer and the name model. */
export function evaluateEnglishSynthetic(count = 500, seed = 11): Score {
  const messages = generateEnglishSynthetic(count, seed);
  try {
    holdOutNames(1);
    useNameModel(trainModelFromSources());
    return scoreMessages(messages);
  } finally {
    holdOutNames(null);
    useNameModel(undefined);
  }
}

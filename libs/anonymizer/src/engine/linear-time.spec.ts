import { anonymize } from './anonymize';
import { detect } from './detect';
import { ADVERSARIAL_SHAPES, ORDINARY_MESSAGE, repeatTo } from './adversarial-inputs';
import { WITHHELD_TEXT } from '../types';

const SMALL = 16 * 1024;
const LARGE = 64 * 1024;
/** No budget: these tests measure the detectors themselves. */
const UNLIMITED = { budgetMs: 60_000 };

/**
 * CPU time (ms) of the fastest of a few runs. CPU time rather than wall time, so other processes
 * on a busy machine do not count; the fastest run, because noise only ever adds time.
 */
function fastest(text: string, runs = 7): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    detect(text, UNLIMITED);
    const used = process.cpuUsage(t0);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('detection runs in linear time on adversarial input', () => {
  let ordinary = 0;

  beforeAll(() => {
    detect(ORDINARY_MESSAGE); // word lists and JIT
    ordinary = Math.max(fastest(repeatTo(ORDINARY_MESSAGE, LARGE)), 5);
  });

  it.each(Object.entries(ADVERSARIAL_SHAPES))('%s', (_name, unit) => {
    const small = fastest(repeatTo(unit, SMALL));
    const large = fastest(repeatTo(unit, LARGE));
    // Four times the text: linear costs about 4×, quadratic 16×. The floor keeps shapes that cost a
    // few milliseconds (where caches and garbage collection dominate) from failing on noise.
    expect(large).toBeLessThan(8 * Math.max(small, 5));
    // The target is 3× the same amount of ordinary text (the bench reports the ratio per shape);
    // the test allows 4× so a busy machine cannot fail it, while quadratic growth is far beyond.
    expect(large).toBeLessThan(4 * ordinary);
  });
});

describe('time budget (fail closed)', () => {
  it('withholds the text when the budget runs out, and never returns a partial copy', () => {
    const text = 'Hoi, ik ben Sanne de Vries, bel me op 06-12345678';
    expect(detect(text, { budgetMs: 0 }).complete).toBe(false);
    const result = anonymize(text, { budgetMs: 0 });
    expect(result.withheld).toBe(true);
    expect(result.text).toBe(WITHHELD_TEXT);
  });

  it('keeps ordinary messages well inside the default budget', () => {
    const result = anonymize(repeatTo(ORDINARY_MESSAGE, LARGE));
    expect(result.withheld).toBe(false);
    expect(result.text).not.toContain('06-12345678');
  });
});

/** Shapes for the English-format patterns: card groups, NANP numbers, month-name dates, streets, places. */
const ENGLISH_SHAPES: Record<string, string> = {
  'card-groups': '1234 123456 ',
  'phone-extension': '212-555-0199 ext. ',
  'phone-cue': 'call me at 1',
  'nanp-brackets': '(1-',
  'month-dates': '14-Jul-',
  'english-street': '12 Aa Bb ',
  'address-tail': '1 Aa St, Apt 4, Bb Cc, ',
  'zip-plus-4': 'TX 12345-1234 ',
  places: 'from Milan ',
  'student-cue': 'student id 2021-',
  'iban-groups': 'FR76 3000 ',
};

describe('English-format patterns run in linear time', () => {
  const english = { ...UNLIMITED, lang: 'en' as const };
  const cpu = (text: string): number => {
    let best = Infinity;
    for (let i = 0; i < 5; i++) {
      const t0 = process.cpuUsage();
      detect(text, english);
      const used = process.cpuUsage(t0);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    return best;
  };
  let ordinary = 0;

  beforeAll(() => {
    detect(ORDINARY_MESSAGE, english);
    ordinary = Math.max(cpu(repeatTo(ORDINARY_MESSAGE, LARGE)), 5);
  });

  it.each(Object.entries(ENGLISH_SHAPES))('%s', (_name, unit) => {
    const large = cpu(repeatTo(unit, LARGE));
    expect(large).toBeLessThan(8 * Math.max(cpu(repeatTo(unit, SMALL)), 5));
    expect(large).toBeLessThan(4 * ordinary);
  });
});

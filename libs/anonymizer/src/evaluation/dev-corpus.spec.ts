import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { detect } from '../engine/detect';
import { readCorpus } from './corpus';
import { score, type Span } from './score';

/** The shared annotated corpus lives beside the repository: /work/shared next to /work/main. */
const CORPUS = resolve(__dirname, '../../../../..', 'shared/corpus/dev.jsonl');

/** Floors a little under what the engine reaches, so regressions fail the suite. */
const FLOORS = { recall: 0.98, precision: 0.97, person: 0.97, structured: 0.99 };
const STRUCTURED = ['EMAIL', 'PHONE', 'IBAN', 'BSN', 'POSTCODE', 'CREDIT_CARD', 'IP_ADDRESS'];

const maybe = existsSync(CORPUS) ? describe : describe.skip;
if (!existsSync(CORPUS)) {
  // eslint-disable-next-line no-console
  console.warn(`dev corpus not found at ${CORPUS}: skipping the quality floors`);
}

maybe('quality on the dev corpus', () => {
  const corpus = existsSync(CORPUS) ? readCorpus(CORPUS) : [];
  const predictions = new Map<string, Span[]>(corpus.map((m) => [m.id, detect(m.text).entities]));
  const s = score(corpus, predictions);

  it('keeps overall recall and precision above the floors', () => {
    expect(s.overall.recall).toBeGreaterThanOrEqual(FLOORS.recall);
    expect(s.overall.precision).toBeGreaterThanOrEqual(FLOORS.precision);
  });

  it('keeps PERSON recall above its floor', () => {
    expect(s.perType.find((t) => t.type === 'PERSON')!.recall).toBeGreaterThanOrEqual(FLOORS.person);
  });

  it.each(STRUCTURED)('keeps %s recall above its floor', (type) => {
    const t = s.perType.find((x) => x.type === type);
    expect(t ? t.recall : 1).toBeGreaterThanOrEqual(FLOORS.structured);
  });

  it('flags the special categories of the messages', () => {
    let hits = 0;
    let gold = 0;
    for (const m of corpus) {
      const found = new Set(detect(m.text).special);
      for (const c of m.special ?? []) {
        gold++;
        if (found.has(c as never)) hits++;
      }
    }
    expect(hits / Math.max(1, gold)).toBeGreaterThanOrEqual(0.9);
  });
});

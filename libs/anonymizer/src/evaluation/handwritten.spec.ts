import { detect } from '../engine/detect';
import { handwrittenCorpus, handwrittenSecondCorpus, parseMarkedMessage } from './handwritten';
import { measureOverRedaction } from './over-redaction';
import { score, type Span } from './score';

describe('hand-written check set', () => {
  it('parses the markup into text and gold spans', () => {
    const m = parseMarkedMessage('x', 'nl|Hoi [[Sem]], bel [[PHONE:06 1234 5678]]');
    expect(m.text).toBe('Hoi Sem, bel 06 1234 5678');
    expect(m.entities).toEqual([
      { type: 'PERSON', start: 4, end: 7 },
      { type: 'PHONE', start: 13, end: 25 },
    ]);
  });

  it('keeps recall and precision above the floors', () => {
    const corpus = handwrittenCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(95);
    const predictions = new Map<string, Span[]>(
      corpus.map((m) => [m.id, detect(m.text, { lang: m.lang === 'en' ? 'en' : 'nl' }).entities]),
    );
    const s = score(corpus, predictions);
    expect(s.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.perType.find((t) => t.type === 'PERSON')!.recall).toBeGreaterThanOrEqual(0.93);
    expect(s.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('keeps the second set (written before the issue 11 §2 changes) above its floors', () => {
    const corpus = handwrittenSecondCorpus();
    expect(corpus.length).toBeGreaterThanOrEqual(95);
    const predictions = new Map<string, Span[]>(
      corpus.map((m) => [m.id, detect(m.text, { lang: m.lang === 'en' ? 'en' : 'nl' }).entities]),
    );
    const s = score(corpus, predictions);
    expect(s.overall.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.overall.precision).toBeGreaterThanOrEqual(0.95);
  });

  it('redacts at most 3% of the words of name-free sentences', () => {
    const r = measureOverRedaction();
    expect(r.sentences).toBeGreaterThanOrEqual(95);
    expect(r.rate).toBeLessThanOrEqual(0.03);
  });
});

import { describe, expect, it } from 'vitest';
import { splitEntities } from './entities';

describe('splitEntities', () => {
  it('cuts the text at each identifier, in order', () => {
    const text = 'Mail sanne@example.nl of bel 0612345678';
    const parts = splitEntities(text, [
      { type: 'PHONE', start: 29, end: 39 },
      { type: 'EMAIL', start: 5, end: 21 },
    ]);
    expect(parts).toEqual([
      { text: 'Mail ', type: null },
      { text: 'sanne@example.nl', type: 'EMAIL' },
      { text: ' of bel ', type: null },
      { text: '0612345678', type: 'PHONE' },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe(text);
  });

  it('skips overlapping and out-of-range spans without losing text', () => {
    const parts = splitEntities('abcdef', [
      { type: 'PERSON', start: 0, end: 3 },
      { type: 'PERSON', start: 2, end: 4 },
      { type: 'EMAIL', start: 5, end: 40 },
    ]);
    expect(parts.map((p) => p.text).join('')).toBe('abcdef');
    expect(parts.filter((p) => p.type)).toEqual([{ text: 'abc', type: 'PERSON' }]);
  });
});

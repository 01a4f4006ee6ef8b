import { covered, score } from './score';

describe('score', () => {
  const text = 'Hoi ik ben Sanne de Vries, bel 06-12345678';
  const gold = [
    { type: 'PERSON', start: 11, end: 25 },
    { type: 'PHONE', start: 31, end: 42 },
  ];

  it('counts an entity as caught only when every letter and digit is covered', () => {
    expect(
      covered(text, gold[0], [
        { type: 'PERSON', start: 11, end: 16 },
        { type: 'PERSON', start: 17, end: 25 },
      ]),
    ).toBe(true);
    expect(covered(text, gold[0], [{ type: 'PERSON', start: 11, end: 16 }])).toBe(false);
  });

  it('computes recall, precision, F2 and leak rates', () => {
    const s = score(
      [{ id: 'm', text, entities: gold }],
      new Map([
        [
          'm',
          [
            { type: 'PERSON', start: 11, end: 25 },
            { type: 'PERSON', start: 0, end: 3 },
          ],
        ],
      ]),
    );
    expect(s.overall.recall).toBe(0.5);
    expect(s.overall.precision).toBe(0.5);
    expect(s.overall.f2).toBeCloseTo(0.5);
    expect(s.entityLeakRate).toBe(0.5);
    expect(s.messageLeakRate).toBe(1);
    expect(s.perType.find((t) => t.type === 'PHONE')?.recall).toBe(0);
  });
});

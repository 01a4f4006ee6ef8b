import { evaluateLeaveNamesOut, type GeneratedEvaluation } from './leave-names-out';
import type { Score } from './score';

/**
 * Floors a little under what the engine reaches on generated messages: "seen" uses names from
 * the half of the sources the build knows, "unseen" names from the half that the gazetteer and
 * the name model were built without.
 */
const FLOORS = {
  seen: { all: 0.96, person: 0.95, precision: 0.97 },
  unseen: { all: 0.96, person: 0.95, precision: 0.97 },
  structured: 0.97,
};
const STRUCTURED = ['EMAIL', 'PHONE', 'IBAN', 'BSN', 'POSTCODE', 'CREDIT_CARD', 'IP_ADDRESS'];

const recall = (s: Score, type: string): number => s.perType.find((t) => t.type === type)?.recall ?? 1;

describe('leave-names-out evaluation on generated messages', () => {
  let result: GeneratedEvaluation;
  beforeAll(() => {
    result = evaluateLeaveNamesOut(400, 11);
  }, 180_000);

  it.each(['seen', 'unseen'] as const)('keeps %s recall and precision above the floors', (mode) => {
    const s = result[mode];
    expect(s.overall.recall).toBeGreaterThanOrEqual(FLOORS[mode].all);
    expect(recall(s, 'PERSON')).toBeGreaterThanOrEqual(FLOORS[mode].person);
    expect(s.overall.precision).toBeGreaterThanOrEqual(FLOORS[mode].precision);
  });

  it.each(STRUCTURED)('keeps %s recall above its floor with unseen names', (type) => {
    expect(recall(result.unseen, type)).toBeGreaterThanOrEqual(FLOORS.structured);
  });
});

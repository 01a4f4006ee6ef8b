import { describe, expect, it } from 'vitest';
import { lastWeeks, mondayOf, sundayOf } from './weeks';

describe('whole ISO weeks', () => {
  it('widens any day to its Monday and Sunday', () => {
    expect(mondayOf('2026-11-30')).toBe('2026-11-30'); // a Monday
    expect(mondayOf('2026-12-06')).toBe('2026-11-30'); // a Sunday
    expect(sundayOf('2026-12-02')).toBe('2026-12-06');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28'); // across the year end
  });

  it('gives the last n weeks ending with the current one', () => {
    expect(lastWeeks(2, '2026-12-03')).toEqual({ from: '2026-11-23', to: '2026-12-06' });
  });
});

import {
  addPeriod,
  effectivePeriod,
  isUnansweredExpired,
  isValidPeriod,
  retainUntil,
} from './retention-policy';

const at = new Date('2026-01-31T10:00:00.000Z');

describe('retention arithmetic', () => {
  it('accepts designator-form ISO-8601 durations only', () => {
    for (const ok of ['P30D', 'PT5S', 'P1Y6M', 'P2W', 'PT1H30M', 'P1DT12H', 'PT0.5S']) {
      expect({ ok, valid: isValidPeriod(ok) }).toEqual({ ok, valid: true });
    }
    for (const bad of ['', 'P', 'PT', '30D', 'p30d', 'P0D', 'PT0S', 'P-1D', '1 day', 'P30DT', null, 30]) {
      expect({ bad, valid: isValidPeriod(bad) }).toEqual({ bad, valid: false });
    }
  });

  it('uses the account override, else the channel default', () => {
    expect(effectivePeriod({ channelDefault: 'P30D' })).toBe('P30D');
    expect(effectivePeriod({ channelDefault: 'P30D', accountOverride: null })).toBe('P30D');
    expect(effectivePeriod({ channelDefault: 'P30D', accountOverride: 'P14D' })).toBe('P14D');
    expect(effectivePeriod({ channelDefault: 'P14D', accountOverride: 'P60D' })).toBe('P60D');
  });

  it('adds calendar periods', () => {
    expect(addPeriod(at, 'P1M').toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(addPeriod(at, 'PT5S').toISOString()).toBe('2026-01-31T10:00:05.000Z');
  });

  it('keeps the communicated period when the policy is unchanged', () => {
    expect(
      retainUntil({ answeredAt: at, communicatedPeriod: 'P30D', currentPolicyPeriod: 'P30D' }).toISOString(),
    ).toBe('2026-03-02T10:00:00.000Z');
  });

  it('applies a shorter later policy', () => {
    expect(
      retainUntil({ answeredAt: at, communicatedPeriod: 'P30D', currentPolicyPeriod: 'P7D' }).toISOString(),
    ).toBe('2026-02-07T10:00:00.000Z');
  });

  it('never extends beyond what was communicated', () => {
    expect(
      retainUntil({ answeredAt: at, communicatedPeriod: 'P30D', currentPolicyPeriod: 'P1Y' }).toISOString(),
    ).toBe('2026-03-02T10:00:00.000Z');
  });

  it('falls back to the current policy when nothing was communicated', () => {
    expect(
      retainUntil({ answeredAt: at, communicatedPeriod: null, currentPolicyPeriod: 'PT5S' }).toISOString(),
    ).toBe('2026-01-31T10:00:05.000Z');
  });

  it('compares mixed units by the dates they produce', () => {
    // P1M after 31 January is 28 days; P29D is longer, so the month wins.
    expect(
      retainUntil({ answeredAt: at, communicatedPeriod: 'P29D', currentPolicyPeriod: 'P1M' }).toISOString(),
    ).toBe('2026-02-28T10:00:00.000Z');
  });

  it('expires unanswered cases after the maximum age, not before', () => {
    expect(isUnansweredExpired(at, 'P90D', new Date('2026-05-01T09:59:59Z'))).toBe(false);
    expect(isUnansweredExpired(at, 'P90D', new Date('2026-05-01T10:00:00Z'))).toBe(true);
  });

  it('rejects invalid periods loudly', () => {
    expect(() =>
      retainUntil({ answeredAt: at, communicatedPeriod: 'bogus', currentPolicyPeriod: 'P1D' }),
    ).toThrow();
  });
});

import { humanizeDuration } from './humanize-duration';

describe('humanizeDuration', () => {
  it.each([
    ['P30D', '30 dagen', '30 days'],
    ['P1D', '1 dag', '1 day'],
    ['P2W', '2 weken', '2 weeks'],
    ['P1W', '1 week', '1 week'],
    ['P6M', '6 maanden', '6 months'],
    ['P1M', '1 maand', '1 month'],
    ['P1Y', '1 jaar', '1 year'],
    ['P2Y', '2 jaar', '2 years'],
    ['PT1H', '1 uur', '1 hour'],
    ['PT12H', '12 uur', '12 hours'],
    ['PT1M', '1 minuut', '1 minute'],
    ['PT45M', '45 minuten', '45 minutes'],
    ['PT1S', '1 seconde', '1 second'],
    ['PT5S', '5 seconden', '5 seconds'],
    ['P1M15D', '1 maand en 15 dagen', '1 month and 15 days'],
    ['P1Y2M3D', '1 jaar, 2 maanden en 3 dagen', '1 year, 2 months and 3 days'],
    ['P1DT12H', '1 dag en 12 uur', '1 day and 12 hours'],
    ['P14D', '14 dagen', '14 days'],
    ['P1.5Y', '1,5 jaar', '1.5 years'],
    ['PT0.5S', '0,5 seconden', '0.5 seconds'],
    ['P0D', '0 dagen', '0 days'],
  ])('%s → %j / %j', (period, nl, en) => {
    expect(humanizeDuration(period, 'nl')).toBe(nl);
    expect(humanizeDuration(period, 'en')).toBe(en);
  });

  it.each(['30 days', 'P', '', 'P-1D'])('rejects %j', (period) => {
    expect(() => humanizeDuration(period, 'en')).toThrow(RangeError);
  });
});

import { appendNotice, NOTICE_VERSION, renderPrivacyNotice } from './privacy-notice';

describe('renderPrivacyNotice', () => {
  it('renders the Dutch notice', () => {
    expect(
      renderPrivacyNotice({ lang: 'nl', period: 'P30D', privacyUrl: 'https://www.school.nl/privacy' }),
    ).toBe(
      'Privacy: we bewaren dit gesprek tot 30 dagen na ons antwoord en verwijderen het daarna. Meer info: https://www.school.nl/privacy',
    );
  });

  it('renders the English notice', () => {
    expect(
      renderPrivacyNotice({ lang: 'en', period: 'P30D', privacyUrl: 'https://www.school.nl/en/privacy' }),
    ).toBe(
      'Privacy: we keep this conversation for 30 days after our answer and then delete it. More: https://www.school.nl/en/privacy',
    );
  });

  it('humanizes other periods', () => {
    expect(renderPrivacyNotice({ lang: 'nl', period: 'P1M15D', privacyUrl: 'https://s.nl/p' })).toContain(
      'tot 1 maand en 15 dagen na ons antwoord',
    );
    expect(renderPrivacyNotice({ lang: 'en', period: 'P1Y', privacyUrl: 'https://s.nl/p' })).toContain(
      'for 1 year after our answer',
    );
  });

  it('rejects an invalid period or privacy URL', () => {
    expect(() =>
      renderPrivacyNotice({ lang: 'nl', period: '30 dagen', privacyUrl: 'https://s.nl/p' }),
    ).toThrow(RangeError);
    expect(() => renderPrivacyNotice({ lang: 'nl', period: 'P30D', privacyUrl: 'www.s.nl/p' })).toThrow(
      RangeError,
    );
    expect(() =>
      renderPrivacyNotice({ lang: 'nl', period: 'P30D', privacyUrl: 'javascript:alert(1)' }),
    ).toThrow(RangeError);
  });

  it('has a version to record on the conversation', () => {
    expect(NOTICE_VERSION).toBe('v1');
  });
});

describe('appendNotice', () => {
  it('joins reply and notice with a blank line', () => {
    expect(appendNotice('De open dag is zaterdag.', 'Privacy: …')).toBe(
      'De open dag is zaterdag.\n\nPrivacy: …',
    );
  });

  it('does not stack blank lines after a reply that ends in a newline', () => {
    expect(appendNotice('Tot zaterdag!\n\n', 'Privacy: …')).toBe('Tot zaterdag!\n\nPrivacy: …');
  });

  it('returns the notice alone for an empty reply', () => {
    expect(appendNotice('', 'Privacy: …')).toBe('Privacy: …');
  });
});

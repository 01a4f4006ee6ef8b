import { isTrackingParameter, stripTrackingParameters } from './tracking-parameters';

describe('stripTrackingParameters', () => {
  it.each([
    ['https://school.nl/open-dag?utm_source=fb&utm_medium=social', 'https://school.nl/open-dag'],
    ['https://school.nl/a?fbclid=IwAR0abc', 'https://school.nl/a'],
    ['https://school.nl/a?id=5&gclid=x&lang=nl', 'https://school.nl/a?id=5&lang=nl'],
    ['https://school.nl/a?utm_campaign=x#aanmelden', 'https://school.nl/a#aanmelden'],
    ['https://school.nl/a?q=1&msclkid=y#top', 'https://school.nl/a?q=1#top'],
    ['https://school.nl/?dclid=1&mc_cid=2&mc_eid=3&igshid=4&_hsenc=5&_hsmi=6', 'https://school.nl/'],
    ['https://school.nl/?yclid=1&twclid=2&li_fat_id=3&ref_src=4', 'https://school.nl/'],
    ['https://school.nl/a?UTM_Source=x&b=2', 'https://school.nl/a?b=2'],
    ['http://school.nl:8080/a?utm_source=x', 'http://school.nl:8080/a'],
  ])('%s → %s', (input, expected) => {
    expect(stripTrackingParameters(input).text).toBe(expected);
  });

  it('handles links without a scheme, and keeps them without one', () => {
    expect(stripTrackingParameters('Zie www.school.nl/a?utm_source=y voor meer.').text).toBe(
      'Zie www.school.nl/a voor meer.',
    );
    expect(stripTrackingParameters('Kijk op school.nl/open-dag?fbclid=abc&x=1').text).toBe(
      'Kijk op school.nl/open-dag?x=1',
    );
  });

  it('leaves punctuation after a link in place', () => {
    expect(stripTrackingParameters('(zie https://school.nl/a?utm_source=x).').text).toBe(
      '(zie https://school.nl/a).',
    );
    expect(stripTrackingParameters('Lees https://school.nl/a?utm_source=x, en meld je aan!').text).toBe(
      'Lees https://school.nl/a, en meld je aan!',
    );
    expect(stripTrackingParameters('Ken je https://school.nl/a?utm_source=x?').text).toBe(
      'Ken je https://school.nl/a?',
    );
  });

  it('keeps brackets that belong to the link', () => {
    const link = 'https://nl.wikipedia.org/wiki/Mbo_(onderwijs)?utm_source=x';
    expect(stripTrackingParameters(`Zie ${link}.`).text).toBe(
      'Zie https://nl.wikipedia.org/wiki/Mbo_(onderwijs).',
    );
  });

  it('strips every link in the text and lists the removed names once', () => {
    const result = stripTrackingParameters(
      'Open dag: https://a.nl/x?utm_source=wa en https://b.nl/y?utm_source=wa&gclid=1&p=2',
    );
    expect(result.text).toBe('Open dag: https://a.nl/x en https://b.nl/y?p=2');
    expect(result.removed).toEqual(['utm_source', 'gclid']);
  });

  it('leaves links without tracking parameters exactly as written', () => {
    const text = 'Zie https://school.nl/zoek?q=caf%C3%A9&&x=a,b en info@school.nl.';
    expect(stripTrackingParameters(text)).toEqual({ text, removed: [] });
  });

  it('keeps kept parameters byte-identical (no re-encoding)', () => {
    expect(stripTrackingParameters('https://school.nl/r?next=/aanmelden&utm_term=x&q=é').text).toBe(
      'https://school.nl/r?next=/aanmelden&q=é',
    );
  });

  it('does not treat email addresses as links', () => {
    expect(stripTrackingParameters('Mail naar info@school.nl?').text).toBe('Mail naar info@school.nl?');
  });
});

describe('isTrackingParameter', () => {
  it.each(['utm_source', 'utm_anything', 'fbclid', 'GCLID', 'pk_campaign', 'mtm_source'])(
    '%s is tracking',
    (key) => expect(isTrackingParameter(key)).toBe(true),
  );
  it.each(['id', 'q', 'lang', 'ref', 'utm'])('%s is not', (key) =>
    expect(isTrackingParameter(key)).toBe(false),
  );
});

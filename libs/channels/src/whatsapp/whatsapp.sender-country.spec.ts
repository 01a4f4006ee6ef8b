import { whatsAppSenderCountry } from './whatsapp.sender-country';

describe('whatsAppSenderCountry', () => {
  it.each([
    ['31612345678', 'NL'],
    ['32470123456', 'BE'],
    ['905321234567', 'TR'],
    ['212612345678', 'MA'],
    ['5978123456', 'SR'],
    ['12025550143', 'US'],
  ])('%s is from %s', (waId, country) => expect(whatsAppSenderCountry(waId)).toBe(country));

  it('gives nothing for ids that are not phone numbers', () => {
    expect(whatsAppSenderCountry('')).toBeUndefined();
    expect(whatsAppSenderCountry('abc')).toBeUndefined();
    expect(whatsAppSenderCountry('1'.repeat(40))).toBeUndefined();
  });
});

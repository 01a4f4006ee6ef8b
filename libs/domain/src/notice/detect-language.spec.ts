import { detectReplyLanguage } from './detect-language';

describe('detectReplyLanguage', () => {
  it.each([
    'Hoi Sanne, de open dag is op zaterdag. Je bent van harte welkom!',
    'Bedankt voor je vraag. We sturen je graag een brochure.',
    'Kunt u het formulier invullen? Dank u wel.',
    'Wij hebben dat niet ontvangen, sorry.',
    'Het is geregeld.',
  ])('Dutch: %j', (text) => expect(detectReplyLanguage(text)).toBe('nl'));

  it.each([
    'Hi Sanne, the open day is on Saturday. You are very welcome!',
    'Thanks for your question. We will send you a brochure.',
    'Please fill in the form, thank you.',
    'Our admissions office is open from 9 to 5.',
    'It is arranged.',
  ])('English: %j', (text) => expect(detectReplyLanguage(text)).toBe('en'));

  it('defaults to Dutch when there is nothing to go on', () => {
    expect(detectReplyLanguage('')).toBe('nl');
    expect(detectReplyLanguage('👍 https://school.nl')).toBe('nl');
  });

  it('is not fooled by words both languages share ("we", "is", "in")', () => {
    expect(detectReplyLanguage('We zijn er in de zomer niet, het is vakantie.')).toBe('nl');
  });
});

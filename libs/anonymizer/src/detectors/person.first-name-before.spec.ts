import { detect } from '../engine/detect';

const persons = (text: string, lang: 'nl' | 'en' = 'nl'): string[] =>
  detect(text, { lang })
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('an unknown first name opening a sentence before a found surname', () => {
  it('joins the surname it precedes', () => {
    // "Hus" alone is found (a listed surname, repeated later); "Drevan" is on no list.
    const text =
      'Drevan Hus and Öykü Kravchenko met in Brussels to discuss the deal. Hus declined to comment.';
    expect(persons(text, 'en')).toContain('Drevan Hus');
  });

  it('leaves a role word opening the sentence outside the name', () => {
    expect(persons('Onderzoeker Zandtmeeuwse waarschuwt voor de gevolgen.')).not.toContain(
      'Onderzoeker Zandtmeeuwse',
    );
  });
});

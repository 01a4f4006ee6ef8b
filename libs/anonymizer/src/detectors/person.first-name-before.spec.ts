import { detect } from '../engine/detect';

const persons = (text: string): string[] =>
  detect(text, { lang: 'nl' })
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('an unknown first name opening a sentence before a found surname', () => {
  it('joins the surname it precedes', () => {
    expect(persons('Quorvel Zandtmeeuwse (34) uit Tilburg werd aangehouden. Zandtmeeuwse zweeg.')).toContain(
      'Quorvel Zandtmeeuwse',
    );
  });

  it('leaves a role word opening the sentence outside the name', () => {
    expect(persons('Onderzoeker Zandtmeeuwse waarschuwt voor de gevolgen.')).not.toContain(
      'Onderzoeker Zandtmeeuwse',
    );
  });
});

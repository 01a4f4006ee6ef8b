import { detect } from '../engine/detect';
import { nameGazetteer } from '../gazetteers/names.gazetteer';
import { fold } from '../text/fold';

/** Made up for these tests and on no list the engine is built from. */
const UNLISTED = [
  'Zorvik',
  'Plandermaat',
  'Tobrena',
  'Velinda',
  'Trovan',
  'Pleek',
  'Quilla',
  'Okanbar',
  'Chirelle',
  'Boitsemaar',
  'Dremmelen',
  'Brisko',
  'Ozyl',
  'Vanquelberghe',
  'Vrinsel',
  'Sorvanna',
];

const persons = (text: string, lang: 'nl' | 'en' = 'nl'): string[] =>
  detect(text, { lang })
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('name shapes that hold unseen names', () => {
  it('uses names that no list holds', () => {
    const { firstNames, surnames } = nameGazetteer();
    for (const n of UNLISTED) expect(firstNames.has(fold(n)) || surnames.has(fold(n))).toBe(false);
  });

  it('takes the words after "my name is" / "ik heet" in any case', () => {
    expect(persons('hello, my name is zorvik plandermaat. i want to apply', 'en')).toEqual([
      'zorvik plandermaat',
    ]);
    expect(persons('Goedemiddag, ik heet tobrena en ik wil graag meer weten.')).toEqual(['tobrena']);
  });

  it('takes the surname after a cued first name up to the end of the phrase', () => {
    expect(persons('Hoi, Ik ben Velinda Puts en ik zit in 6 vwo.')).toEqual(['Velinda Puts']);
    expect(persons('Ik ben de vader van Sorvanna pleek. Kan dat?')).toEqual(['Sorvanna pleek']);
    // A dictionary word in lower case after a capitalised word goes on with the sentence.
    expect(persons('The Student Union organises a welcome week.', 'en')).not.toContain('Union organises');
  });

  it('takes a surname in lower case that ends an address after an honorific', () => {
    expect(persons('beste mevrouw goes, mijn geboortedatum staat in de bijlage.')).toEqual(['goes']);
    expect(persons('geachte heer de win, ik heb een vraag.')).toEqual(['de win']);
  });

  it('takes the words between "met" and "hier"', () => {
    expect(persons('hoi, met trovan van der pleek hier. ik bel over de open dag')).toEqual([
      'trovan van der pleek',
    ]);
  });

  it('takes a word-name before ", moeder van"', () => {
    expect(persons('Hallo, ik ben Storm, moeder van Quilla.')).toEqual(['Storm', 'Quilla']);
  });

  it('finds news-style subjects, ages, particles and reported speech', () => {
    expect(persons('Okanbar won vorig jaar ook al de Ronde.')).toEqual(['Okanbar']);
    expect(persons('Velinda Dremmelen (34) uit Tilburg werd gisteren aangehouden.')).toEqual([
      'Velinda Dremmelen',
    ]);
    expect(persons('De rechter gaf Chirelle de Boitsemaar gisteren gelijk.')).toEqual([
      'Chirelle de Boitsemaar',
    ]);
    expect(persons('Volgens van Dremmelen is het plan te duur.')).toEqual(['van Dremmelen']);
    expect(persons('"We gaan door", zei Vrinsel.')).toEqual(['Vrinsel']);
    // A role before the subject is no part of the name.
    expect(persons('Trainer Velinda Dremmelen vond de nederlaag onterecht.')).toEqual(['Velinda Dremmelen']);
  });

  it('takes both words of a pair joined by "en"/"and"', () => {
    expect(persons('Samen met Brisko en Ozyl wil ik naar de open dag.')).toEqual(['Brisko', 'Ozyl']);
    expect(persons('London and Paris are both expensive.', 'en')).toEqual([]);
  });

  it('takes a message that is only a name', () => {
    expect(persons('Vanquelberghe')).toEqual(['Vanquelberghe']);
    expect(persons('J.W. de Vrinsel')).toEqual(['J.W. de Vrinsel']);
    expect(persons('zorvik plandermaat')).toEqual(['zorvik plandermaat']);
    expect(persons('Bedankt')).toEqual([]);
  });

  it('does not take verbs or places for names', () => {
    expect(persons('Bel me even op 06-12345678')).toEqual([]);
    expect(persons('Hoi, Moet ik mijn VOG klaar hebben?')).toEqual([]);
    expect(persons("I'm Velinda Pleek from Milan and I study here.", 'en')).toEqual(['Velinda Pleek']);
  });
});

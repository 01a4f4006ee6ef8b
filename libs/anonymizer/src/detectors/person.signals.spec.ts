import { detect } from '../engine/detect';
import { nameGazetteer } from '../gazetteers/names.gazetteer';
import { fold } from '../text/fold';

/** Made up for these tests and on no list the engine is built from. */
const UNLISTED = [
  'Drevanka',
  'Quorlemans',
  'Zulkarnai',
  'Bexhoudt',
  'Ymkelien',
  'Tavrosse',
  'Wuyckaert',
  'Keflani',
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
  'Drevan',
  'Zandtmeeuwse',
];

const persons = (text: string, lang: 'nl' | 'en' = 'nl'): string[] =>
  detect(text, { lang })
    .entities.filter((e) => e.type === 'PERSON')
    .map((e) => text.slice(e.start, e.end));

describe('name signals beyond the lists', () => {
  it('uses names that really are on no list', () => {
    const { firstNames, surnames } = nameGazetteer();
    for (const n of UNLISTED) expect(firstNames.has(fold(n)) || surnames.has(fold(n))).toBe(false);
  });

  it.each([
    // The line after a sign-off is the writer's name, in capitals or lower case, particles included.
    [
      'Ik heb een vraag over de intake.\nMet vriendelijke groet,\nDREVANKA QUORLEMANS',
      ['DREVANKA QUORLEMANS'],
    ],
    ['ik heb een vraag over de intake.\nmet vriendelijke groet,\nymkelien de boer', ['ymkelien de boer']],
    ['Can you send the form?\nthanks,\nzulkarnai bexhoudt', ['zulkarnai bexhoudt']],
    // Initials before a surname in capitals, in lower case, or after two initials whatever the word.
    ['Groet,\nM. TAVROSSE', ['M. TAVROSSE']],
    ['Regards R. wuyckaert', ['R. wuyckaert']],
    ['L. R. Bottelboom heeft mij doorverwezen.', ['L. R. Bottelboom']],
    // Typos in particles do not split a name.
    ['Volgens Ymkelien vna der Tavrosse is de deadline voorbij.', ['Ymkelien vna der Tavrosse']],
    // A lower-case addressee after a greeting, and a lower-case sign-off after a dash.
    ['hey drevanka 👋 is er nog plek?', ['drevanka']],
    ['Is er nog plek bij de meeloopdag? - keflani', ['keflani']],
    // Group greetings are no names.
    ['Beste mensen, is er nog plek?', []],
    ['Hoi allemaal! Wanneer is de open dag?', []],
    // A name found once counts again in any case, and with two letters swapped.
    [
      'Ik ben Keflani Quorlemans. Volgens keflani quorlemans klopt het.',
      ['Keflani Quorlemans', 'keflani', 'quorlemans'],
    ],
    ['Ik sprak Zulkarnai Bexhoudt. Kan Zulkarnia mij bellen?', ['Zulkarnai Bexhoudt', 'Zulkarnia']],
    // Two capitalised words right after a cue are a first name and surname, even when both are words.
    ['Ik ben Zeepbel Tafelpoot en ik zit in 6 vwo.', ['Zeepbel Tafelpoot']],
    // "Samen met X en Y": both are people.
    ['Samen met Tavrosse en Keflani wil ik naar de open dag.', ['Tavrosse', 'Keflani']],
    // After an honorific and a particle any word is the surname.
    ['Goedemorgen meneer van der tafelpoot, ik heb een vraag.', ['van der tafelpoot']],
    ['Dear Mr. VAN WUYCKAERT, I have a question.', ['VAN WUYCKAERT']],
    // A name in capitals runs on over words in capitals ("… hier" introduces it).
    ['Goedemiddag, met YMKELIEN VAN TAVROSSE hier. Ik heb een vraag.', ['YMKELIEN VAN TAVROSSE']],
  ])('%s', (text, expected) => {
    expect(persons(text, /thanks|Regards|Dear/.test(text) ? 'en' : 'nl')).toEqual(expected);
  });

  it('takes runs of Vietnamese syllables, also those that are Dutch or English words', () => {
    expect(persons('Mijn dochter Mỹ Nga Bexhoudt wil komen.')).toEqual(['Mỹ Nga Bexhoudt']);
    expect(persons('Kan minh hằng mij terugbellen?')).toEqual(['minh hằng']);
    expect(persons('Ik ben ĐÌNH LỘC, moeder van Keflani.')).toEqual(['ĐÌNH LỘC', 'Keflani']);
    expect(persons('Hồng Hoa and Tavrosse will join the tour.', 'en')).toEqual(['Hồng Hoa', 'Tavrosse']);
  });

  it('leaves sentences that only look like sign-offs alone', () => {
    expect(persons('Bedankt! De open dag was leuk.')).toEqual([]);
    expect(persons('Thanks again for the tour.', 'en')).toEqual([]);
    expect(persons('Groeten uit Zwolle')).toEqual([]);
    expect(persons('Kind regards,\nAdmissions Office', 'en')).toEqual([]);
  });
});

describe('name shapes that hold unseen names', () => {
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

  it('takes a lower-case name after a relation and a capitalised one after an opening modal verb', () => {
    expect(persons('mijn vriendin tobrena wil ook komen, kan dat?')).toEqual(['tobrena']);
    expect(persons('Is the student housing safe?', 'en')).toEqual([]);
    expect(persons('Kan Okanbar mij terugbellen?')).toEqual(['Okanbar']);
    expect(persons('Kan Utrecht dat regelen?')).toEqual([]);
  });

  it('takes a word in capitals that ends a greeting when its letters look like a name', () => {
    expect(persons('Hey TOBRENA!\nIk heb een vraag.')).toEqual(['TOBRENA']);
    expect(persons('Groetjes, TEAM')).toEqual([]);
  });

  it('takes a dictionary word after a naming cue when particles and a surname follow', () => {
    expect(persons('This is Pascal van Dremmelen, I applied last week.', 'en')).toEqual([
      'Pascal van Dremmelen',
    ]);
    expect(persons('geachte heer Okanbar, met trovan pleek hier.')).toEqual(['Okanbar', 'trovan pleek']);
  });

  it('keeps names apart from the sentence around them', () => {
    expect(persons('Okanbar won de Ronde van Vlaanderen.')).toEqual(['Okanbar']);
    expect(persons('mijn broer tobrena komt ook')).toEqual(['tobrena']);
  });

  it('does not take verbs or places for names', () => {
    expect(persons('Bel 06 - 12 34 56 78')).toEqual([]);
    expect(persons('Bel me even op 06-12345678')).toEqual([]);
    expect(persons('Hoi, Moet ik mijn VOG klaar hebben?')).toEqual([]);
    expect(persons("I'm Velinda Pleek from Milan and I study here.", 'en')).toEqual(['Velinda Pleek']);
  });
});

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

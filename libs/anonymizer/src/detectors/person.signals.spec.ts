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

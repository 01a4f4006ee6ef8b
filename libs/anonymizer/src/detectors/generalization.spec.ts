import { detect } from '../engine/detect';
import { nameGazetteer } from '../gazetteers/names.gazetteer';
import { fold } from '../text/fold';

/** Names made up for these tests: on no list the engine is built from, so only the model and cues can find them. */
const UNLISTED = [
  'Oyelaranmbe',
  'Wiradinatjo',
  'Tjokrodihardjo',
  'Zhivarno',
  'Mohamemd',
  'Nkrumaya',
  'Rampersaud',
  'Sewnaraine',
];

const found = (text: string, type?: string, options = {}): string[] =>
  detect(text, options)
    .entities.filter((e) => !type || e.type === type)
    .map((e) => text.slice(e.start, e.end));

describe('names the lists do not hold', () => {
  it('uses names that really are on no list', () => {
    const { firstNames, surnames } = nameGazetteer();
    for (const n of UNLISTED) expect(firstNames.has(fold(n)) || surnames.has(fold(n))).toBe(false);
  });

  it.each([
    ['Mijn naam is Tjokrodihardjo Wiradinatjo.', ['Tjokrodihardjo Wiradinatjo']],
    ['Ik heb gisteren gebeld met Oyelaranmbe over mijn aanmelding.', ['Oyelaranmbe']],
    ['hoi ik ben zhivarno, ik wil graag langskomen', ['zhivarno']],
    ['Mijn dochter Mohamemd wil Verpleegkunde doen.', ['Mohamemd']],
    ['Met vriendelijke groet,\nJ. Tjokrodihardjo', ['J. Tjokrodihardjo']],
    ['Kind regards,\nNkrumaya Rampersaud', ['Nkrumaya Rampersaud']],
    ['Groetjes, SEWNARAINE', ['SEWNARAINE']],
    ['Samen met Zhivarno en Nkrumaya wil ik naar de open dag.', ['Zhivarno', 'Nkrumaya']],
    ['Beste mevrouw Işıklar, dank voor uw antwoord.', ['Işıklar']],
    ['Volgens docent Wiradinatjo is het goed, de docent Wiskunde twijfelt.', ['Wiradinatjo']],
    ['Met Zhivarno Rampersaud hier, ik bel over mijn dochter.', ['Zhivarno Rampersaud']],
    ['Please reach out to Wiradinatjo Rampersaud about the visa.', ['Wiradinatjo Rampersaud']],
    ['dear ms sewnaraine, my daughter oyelaranmbe will apply', ['sewnaraine', 'oyelaranmbe']],
  ])('finds the names in %j', (text, expected) => expect(found(text, 'PERSON')).toEqual(expected));

  it('leaves programmes, places, acronyms and ordinary words alone', () => {
    expect(
      found('Wanneer is de open dag van Verpleegkunde in Groningen? Ik heb HAVO en een LHBTI-vraag.'),
    ).toEqual([]);
    expect(found('Beste mensen, is de deadline voor Studielink al geweest?')).toEqual([]);
  });
});

describe('numbers in formats the dev set does not show', () => {
  it('finds US phone formats and national numbers in the sender country', () => {
    expect(found('call me at (415) 867-2309 or 415.867.2309', 'PHONE')).toEqual([
      '(415) 867-2309',
      '415.867.2309',
    ]);
    expect(found('my cell is 1-312-867-5309', 'PHONE')).toEqual(['1-312-867-5309']);
    expect(found('or try 555-123-4567 after six', 'PHONE')).toEqual(['555-123-4567']);
    expect(found('Handy: 0151 23456789', 'PHONE')).toEqual([]);
    expect(found('Handy: 0151 23456789', 'PHONE', { senderCountry: 'DE' })).toEqual(['0151 23456789']);
  });

  it('finds card numbers with separators, Amex grouping included', () => {
    expect(found('kaart 4539 1488 0343 6467 en 3782-822463-10005', 'CREDIT_CARD')).toEqual([
      '4539 1488 0343 6467',
      '3782-822463-10005',
    ]);
  });

  it('finds birth dates written with month names', () => {
    expect(found('I was born on the 3rd of March 2001 in Accra', 'DATE_OF_BIRTH')).toEqual([
      '3rd of March 2001',
    ]);
    expect(found('geboren op 12 maart 2006 te Paramaribo', 'DATE_OF_BIRTH')).toEqual(['12 maart 2006']);
  });

  it('finds student numbers by shape after a cue and u-numbers without one', () => {
    expect(found('mijn studentnummer is HAN-5012345', 'STUDENT_NUMBER')).toEqual(['HAN-5012345']);
    expect(found('ik heb u7622068 als nummer', 'STUDENT_NUMBER')).toEqual(['u7622068']);
  });

  it('finds lower-case postcodes but not years followed by a word', () => {
    expect(found('woon op 1862zc in Bergen', 'POSTCODE')).toEqual(['1862zc']);
    expect(found('tussen 2024 en 2025', 'POSTCODE')).toEqual([]);
  });

  it('finds a personal site after a profile cue', () => {
    expect(found('Mijn profiel: zhivarnodesign.nl', 'URL')).toEqual(['zhivarnodesign.nl']);
  });
});

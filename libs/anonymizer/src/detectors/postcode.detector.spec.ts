import { detectPostcodes } from './postcode.detector';

const found = (text: string): string[] =>
  detectPostcodes({ text, options: {} }).map((c) => text.slice(c.start, c.end));

describe('postcodes', () => {
  it('finds a lower-case postcode whose letters are a word where a postcode goes', () => {
    expect(found('ons adres is beukenlaan 3 in zwolle (7311 at).')).toEqual(['7311 at']);
    expect(found('lijsterbeslaan 40a, 4816 en breda')).toEqual(['4816 en']);
    expect(found('mijn postcode 6214 of')).toEqual(['6214 of']);
  });

  it('leaves years and counts followed by a word alone', () => {
    expect(found('in 2024 en 2025 begin ik')).toEqual([]);
    expect(found('ik heb 1200 in de spaarpot')).toEqual([]);
  });
});

import { compromiseKnowsPlace, compromiseMayTagName, compromisePlaceMention } from './compromise.signal';
import { detect } from '../engine/detect';

const place = (text: string, word: string): boolean => {
  const start = text.indexOf(word);
  return compromisePlaceMention(text, start, start + word.length);
};

describe('compromise signals', () => {
  it('knows cities and countries from its lexicon, but not words it also takes for names', () => {
    expect(compromiseKnowsPlace('milan')).toBe(true);
    expect(compromiseKnowsPlace('kenya')).toBe(true);
    expect(compromiseKnowsPlace('sydney')).toBe(false);
    expect(compromiseKnowsPlace('constructor')).toBe(false);
    expect(compromiseMayTagName('constructor')).toBe(false);
  });

  it('takes a lone known place after a place preposition for a place', () => {
    expect(place("I'm Giulia Rossi from Milan.", 'Milan')).toBe(true);
    expect(place('I live in Lagos now', 'Lagos')).toBe(true);
    expect(place('Milan called me', 'Milan')).toBe(false);
    expect(place('I spoke to Sydney', 'Sydney')).toBe(false);
  });

  it('keeps the person and drops the city in an English introduction', () => {
    const text = "Hi, I'm Giulia Rossi from Milan and I would like to apply.";
    const persons = detect(text, { lang: 'en' })
      .entities.filter((e) => e.type === 'PERSON')
      .map((e) => text.slice(e.start, e.end));
    expect(persons).toEqual(['Giulia Rossi']);
  });
});

import { classifyCase, classifySentiment, classifyTopic, detectLanguage } from './classify';

describe('case classification', () => {
  it('detects Dutch, English and neither', () => {
    expect(detectLanguage('Hoi, wanneer is de open dag?')).toBe('nl');
    expect(detectLanguage('Hello, when is the open day?')).toBe('en');
    expect(detectLanguage('Guten Tag')).toBe('other');
  });

  it('ignores pseudonym tokens and reads Dutch compounds', () => {
    expect(classifyTopic(['[PERSON_1] zoekt een studentenkamer in [ADDRESS_1]'], 'nl')).toBe('housing');
    expect(classifyTopic(['Hoe hoog is het instellingscollegegeld?'], 'nl')).toBe('tuition');
  });

  it('uses English lemmas (plurals, verb forms)', () => {
    expect(classifyTopic(['What are the fees?'], 'en')).toBe('tuition');
    expect(classifyTopic(['I am applying next week'], 'en')).toBe('application');
  });

  it('falls back to other without a cue', () => {
    expect(classifyTopic(['Hallo!'], 'nl')).toBe('other');
  });

  it('handles negation both ways', () => {
    expect(classifySentiment(['Ik ben niet tevreden over het antwoord, niet duidelijk'], 'nl')).toBe(
      'negative',
    );
    expect(classifySentiment(["I'm not happy with this at all"], 'en')).toBe('negative');
    expect(classifySentiment(['Great, thank you!'], 'en')).toBe('positive');
    expect(classifySentiment(['Wanneer is de open dag? Alvast bedankt!'], 'nl')).toBe('neutral');
  });

  it('classifies a case from all its inbound messages', () => {
    expect(
      classifyCase([
        'Hallo',
        'Is er plek in een studentenhuis? Ik ben echt wanhopig, al weken niks gevonden.',
      ]),
    ).toEqual({
      language: 'nl',
      topic: 'housing',
      sentiment: 'negative',
    });
  });
});

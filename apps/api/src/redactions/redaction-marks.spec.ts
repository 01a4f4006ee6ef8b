import { applyRedactions, tokensIn } from './redaction-marks';

describe('applyRedactions', () => {
  const marks = [{ value: 'Ijeoma', token: '[PERSON_2]' }];

  it('replaces every occurrence, in any case and with or without accents', () => {
    expect(applyRedactions('Ijeoma vroeg of IJEOMA en ijéoma mogen komen', marks)).toBe(
      '[PERSON_2] vroeg of [PERSON_2] en [PERSON_2] mogen komen',
    );
  });

  it('replaces whole words only and leaves existing tokens alone', () => {
    expect(applyRedactions('Ijeomas boek, [PERSON_1] en Ijeoma', marks)).toBe(
      'Ijeomas boek, [PERSON_1] en [PERSON_2]',
    );
    expect(applyRedactions('mail [PERSON_1] of person', [{ value: 'person', token: '[PERSON_3]' }])).toBe(
      'mail [PERSON_1] of [PERSON_3]',
    );
  });

  it('prefers the longer value where marks overlap', () => {
    const both = [
      { value: 'Kwame', token: '[PERSON_2]' },
      { value: 'Kwame Mensah', token: '[PERSON_3]' },
    ];
    expect(applyRedactions('Kwame Mensah, ook wel Kwame', both)).toBe('[PERSON_3], ook wel [PERSON_2]');
  });

  it('keeps offsets right around characters whose folded form differs', () => {
    expect(applyRedactions('Çağla en Ölçüm: Ölçüm', [{ value: 'olcum', token: '[PERSON_4]' }])).toBe(
      'Çağla en [PERSON_4]: [PERSON_4]',
    );
  });

  it('leaves text without marks unchanged, also empty and emoji text', () => {
    expect(applyRedactions('', marks)).toBe('');
    expect(applyRedactions('🎓 hoi', [])).toBe('🎓 hoi');
    expect(applyRedactions('🎓 Ijeoma 🎓', marks)).toBe('🎓 [PERSON_2] 🎓');
  });
});

describe('tokensIn', () => {
  it('lists each token with its type and offsets', () => {
    expect(tokensIn('Hoi [PERSON_1], je [DATE_OF_BIRTH_2] en [NOPE_1]')).toEqual([
      { token: '[PERSON_1]', type: 'PERSON', start: 4, end: 14 },
      { token: '[DATE_OF_BIRTH_2]', type: 'DATE_OF_BIRTH', start: 19, end: 36 },
    ]);
  });
});

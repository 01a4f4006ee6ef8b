import { CONSENT_PURPOSES, PURPOSE_WORDING } from './consent-purposes';
import { consentQuestion } from './consent-question';

describe('consentQuestion', () => {
  it('names the receiving team and the purpose in the words the person reads', () => {
    expect(consentQuestion('nl', 'Internationaal Bureau', 'diploma_evaluation')).toBe(
      'Mogen wij je vraag en gegevens doorgeven aan Internationaal Bureau, zodat zij je diploma en vooropleiding kunnen beoordelen? Antwoord met JA of NEE. Je kunt dit altijd weer intrekken.',
    );
    expect(consentQuestion('en', 'International Office', 'complaint_handling')).toBe(
      'May we pass your question and details on to International Office so they can handle your complaint? Reply YES or NO. You can withdraw this at any time.',
    );
  });

  it('has a wording in both languages for every purpose', () => {
    for (const p of CONSENT_PURPOSES) {
      expect(PURPOSE_WORDING[p].nl.trim()).not.toBe('');
      expect(PURPOSE_WORDING[p].en.trim()).not.toBe('');
    }
  });
});

import { findAsks } from './ask-detector';

describe('findAsks', () => {
  describe.each([
    // [kind, Dutch ask, English ask]
    ['EMAIL', 'Wat is je e-mailadres?', 'Can you send me your email?'],
    ['EMAIL', 'Stuur je mailadres, dan sturen we de brochure.', 'Please share your email address with us.'],
    ['PHONE', 'Kun je je telefoonnummer sturen?', 'Could you give us your phone number'],
    ['PHONE', 'Laat ons je 06-nummer even weten.', "What's your mobile number?"],
    ['BSN', 'Wat is je BSN?', 'Please send your citizen service number.'],
    ['BSN', 'Stuur ons je burgerservicenummer.', 'We need your BSN to check this.'],
    ['ADDRESS', 'Wat is je woonadres?', 'Could you provide your home address?'],
    ['ADDRESS', 'Geef je postcode en huisnummer door.', 'What is your address?'],
    ['DATE_OF_BIRTH', 'Wanneer ben je geboren?', 'Can you tell us your date of birth?'],
    ['DATE_OF_BIRTH', 'Graag je geboortedatum.', 'Please send your DOB.'],
    ['ID_DOCUMENT', 'Stuur een kopie van je paspoort.', 'Please send a photo of your passport.'],
    ['ID_DOCUMENT', 'Kunt u uw ID-kaart of rijbewijs sturen?', 'Could you share your ID card?'],
    ['ID_DOCUMENT', 'Wat is je V-nummer?', "Please send your driver's license."],
    ['ID_DOCUMENT', 'Stuur je identiteitsbewijs via WhatsApp.', 'Share your identity document here.'],
    ['BANK_ACCOUNT', 'Wat is je rekeningnummer?', 'Please send your IBAN.'],
    ['BANK_ACCOUNT', 'Wil je je IBAN doorgeven?', 'Can you give us your bank account number?'],
    ['STUDENT_NUMBER', 'Wat is je studentnummer?', 'Could you send your student number?'],
  ])('%s', (kind, dutch, english) => {
    it(`finds the ask in Dutch: ${dutch}`, () => expect(findAsks(dutch)).toEqual([kind]));
    it(`finds the ask in English: ${english}`, () => expect(findAsks(english)).toEqual([kind]));
  });

  it.each([
    'We vragen nooit om je BSN via WhatsApp.',
    'Vul je BSN nooit in via WhatsApp.',
    'Je hoeft je paspoort niet te sturen.',
    'Stuur geen rekeningnummer via Facebook.',
    'We never ask for your BSN via WhatsApp.',
    "Please don't send your passport here.",
    'Do not share your bank account number in comments.',
    'You can apply without a student number.',
  ])('ignores a negated mention: %s', (draft) => expect(findAsks(draft)).toEqual([]));

  it.each([
    'Je e-mailadres staat al in ons systeem.',
    'Your student number is on your enrolment letter.',
    'Een BSN krijg je van de gemeente.',
  ])('ignores a mention without a request: %s', (draft) => expect(findAsks(draft)).toEqual([]));

  it.each([
    'Vul je BSN in via Studielink.',
    'Upload een kopie van je paspoort in het beveiligde uploadportaal.',
    'Please upload your passport through the secure portal.',
  ])('ignores an instruction that points to a safe channel: %s', (draft) =>
    expect(findAsks(draft)).toEqual([]),
  );

  it.each([
    'Heb je al een studentnummer ontvangen?',
    'Heb je al een BSN?',
    'Do you have a student number yet?',
  ])('ignores a question whether they have one: %s', (draft) => expect(findAsks(draft)).toEqual([]));

  it('still finds an ask with an article when there is a request cue', () => {
    expect(findAsks('Kun je een e-mailadres sturen waarop we je bereiken?')).toEqual(['EMAIL']);
    expect(findAsks('Please send a phone number where we can reach you.')).toEqual(['PHONE']);
  });

  it('scopes a negation to its own clause', () => {
    expect(findAsks('Als het niet lukt, stuur dan je studentnummer.')).toEqual(['STUDENT_NUMBER']);
    expect(findAsks("If it doesn't work, please send your student number.")).toEqual(['STUDENT_NUMBER']);
  });

  it('treats "vergeet niet" and "don\'t forget" as requests', () => {
    expect(findAsks('Vergeet niet je e-mailadres door te geven.')).toEqual(['EMAIL']);
    expect(findAsks("Don't forget to send your phone number.")).toEqual(['PHONE']);
  });

  it('looks at each sentence separately', () => {
    expect(findAsks('Je BSN vind je op je paspoort. Stuur ons gerust een bericht.')).toEqual([]);
    expect(findAsks('Welkom! Wat is je e-mailadres? En je telefoonnummer graag.')).toEqual([
      'EMAIL',
      'PHONE',
    ]);
  });

  it('reports every kind once, in order of appearance', () => {
    expect(findAsks('Stuur je IBAN en je BSN. Stuur ook nog je BSN.')).toEqual(['BANK_ACCOUNT', 'BSN']);
  });

  it('ignores identifier words inside links', () => {
    expect(findAsks('Kun je kijken op https://school.nl/bsn-en-paspoort?')).toEqual([]);
  });

  it('does not read an email address in "je e-mailadres" as a home address', () => {
    expect(findAsks('Wat is je e-mailadres?')).toEqual(['EMAIL']);
  });
});

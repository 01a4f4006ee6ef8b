import { detect } from '@webcare/anonymizer';
import { checkReplyDraft, type ReplyDraftInput } from './minimization-guard';

type CheckOptions = Partial<Omit<ReplyDraftInput, 'inbound'>> & { inboundTexts?: string[] };

/** Inbound messages as the worker stores them: the text and the entity types found at intake. */
function check(draft: string, { inboundTexts = ['Hoi, wanneer is de open dag?'], ...extra }: CheckOptions = {}) {
  return checkReplyDraft({
    draft,
    inbound: inboundTexts.map((text) => ({ text, entityTypes: detect(text).entities.map((e) => e.type) })),
    channel: 'whatsapp',
    ...extra,
  });
}
const codes = (result: ReturnType<typeof check>) => result.warnings.map((w) => w.code);

describe('checkReplyDraft', () => {
  describe('refusals', () => {
    it('refuses a BSN request over WhatsApp, in Dutch', () => {
      const result = check('Hoi! Kun je je BSN sturen? Dan zoeken we het op.');
      expect(result.refusal).toEqual({
        code: 'ASKS_FOR_BSN',
        message:
          'Vraag nooit om een BSN via WhatsApp. Verwijs naar Studielink of het beveiligde uploadportaal.',
      });
      expect(result.warnings).toEqual([]);
    });

    it('refuses a BSN request in English, naming the channel', () => {
      const result = check('Could you send us your BSN?', { channel: 'linkedin', lang: 'en' });
      expect(result.refusal?.code).toBe('ASKS_FOR_BSN');
      expect(result.refusal?.message).toBe(
        'Never ask for a BSN over social channels such as LinkedIn: refer the student to Studielink or the secure upload portal.',
      );
    });

    it.each([
      ['Stuur een kopie van je paspoort.', 'ASKS_FOR_ID_DOCUMENT', /paspoort/],
      ['Please send a photo of your ID card.', 'ASKS_FOR_ID_DOCUMENT', /ID document/],
      ['Wat is je rekeningnummer?', 'ASKS_FOR_BANK_ACCOUNT', /rekeningnummer/],
      ['Can you share your IBAN?', 'ASKS_FOR_BANK_ACCOUNT', /IBAN/],
    ])('refuses %j', (draft, code, message) => {
      const result = check(draft, { channel: 'facebook' });
      expect(result.refusal?.code).toBe(code);
      expect(result.refusal?.message).toMatch(message);
      expect(result.refusal?.message).toMatch(/Facebook/);
    });

    it('lists further blocked asks as warnings so all can be fixed at once', () => {
      const result = check('Stuur je paspoort en je IBAN.');
      expect(result.refusal?.code).toBe('ASKS_FOR_ID_DOCUMENT');
      expect(codes(result)).toEqual(['ASKS_FOR_BANK_ACCOUNT']);
    });

    it('refuses even when the person offered the BSN themselves', () => {
      const result = check('Stuur je BSN maar.', {
        inboundTexts: ['Mijn BSN is 111222333, klopt mijn inschrijving?'],
      });
      expect(result.refusal?.code).toBe('ASKS_FOR_BSN');
    });

    it('does not refuse a reply that warns against sharing a BSN', () => {
      expect(check('We vragen nooit om je BSN via WhatsApp.').refusal).toBeNull();
      expect(check('We never ask for your BSN via WhatsApp.').refusal).toBeNull();
      expect(check('Vul je BSN in via Studielink.').refusal).toBeNull();
    });
  });

  describe('warnings for identifiers the question did not need', () => {
    it.each([
      [
        'Wat is je e-mailadres?',
        'ASKS_FOR_EMAIL',
        'Voor deze vraag is geen e-mailadres nodig; vraag er alleen om als het echt moet.',
      ],
      [
        'Wat is je telefoonnummer?',
        'ASKS_FOR_PHONE',
        'Voor deze vraag is geen telefoonnummer nodig; vraag er alleen om als het echt moet.',
      ],
      [
        'Wat is je woonadres?',
        'ASKS_FOR_ADDRESS',
        'Voor deze vraag is geen adres nodig; vraag er alleen om als het echt moet.',
      ],
      [
        'Wanneer ben je geboren?',
        'ASKS_FOR_DATE_OF_BIRTH',
        'Voor deze vraag is geen geboortedatum nodig; vraag er alleen om als het echt moet.',
      ],
      [
        'Wat is je studentnummer?',
        'ASKS_FOR_STUDENT_NUMBER',
        'Voor deze vraag is geen studentnummer nodig; vraag er alleen om als het echt moet.',
      ],
    ])('Dutch: %j', (draft, code, message) => {
      expect(check(draft)).toEqual({ text: draft, warnings: [{ code, message }], refusal: null });
    });

    it.each([
      [
        'Can you send me your email?',
        'ASKS_FOR_EMAIL',
        'The question can be answered without an email address; only ask for it if you really need it.',
      ],
      [
        'What is your phone number?',
        'ASKS_FOR_PHONE',
        'The question can be answered without a phone number; only ask for it if you really need it.',
      ],
      [
        'Please share your home address.',
        'ASKS_FOR_ADDRESS',
        'The question can be answered without an address; only ask for it if you really need it.',
      ],
      [
        'Could you tell us your date of birth?',
        'ASKS_FOR_DATE_OF_BIRTH',
        'The question can be answered without a date of birth; only ask for it if you really need it.',
      ],
      [
        'What is your student number?',
        'ASKS_FOR_STUDENT_NUMBER',
        'The question can be answered without a student number; only ask for it if you really need it.',
      ],
    ])('English: %j', (draft, code, message) => {
      const result = check(draft, { inboundTexts: ['When is the open day?'], lang: 'en' });
      expect(result).toEqual({ text: draft, warnings: [{ code, message }], refusal: null });
    });

    it('says "already provided" when the person already gave it', () => {
      const result = check('Wat is je e-mailadres?', {
        inboundTexts: ['Mail me op sanne.devries@gmail.com graag'],
      });
      expect(result.warnings).toEqual([
        {
          code: 'ASKS_FOR_EMAIL',
          message: 'De persoon heeft in dit gesprek al een e-mailadres gegeven; vraag er niet opnieuw om.',
        },
      ]);
    });

    it('says "already provided" in English for a phone number given earlier', () => {
      const result = check('What is your phone number?', {
        inboundTexts: ['Hi, please call me on +31 6 12345678', 'about the open day'],
        lang: 'en',
      });
      expect(result.warnings[0].message).toBe(
        "The person already gave a phone number in this conversation; don't ask for it again.",
      );
    });

    it('allows a student number for a login or enrolment problem', () => {
      expect(
        check('Wat is je studentnummer?', { inboundTexts: ['Ik kan niet inloggen op het portaal'] }).warnings,
      ).toEqual([]);
      expect(
        check('Could you send your student number?', { inboundTexts: ['My enrolment is not showing'] })
          .warnings,
      ).toEqual([]);
    });

    it('allows an email address when the person asked for something by email', () => {
      expect(
        check('Wat is je e-mailadres?', { inboundTexts: ['Kunnen jullie de info per mail sturen?'] })
          .warnings,
      ).toEqual([]);
    });

    it('still warns about other identifiers in a login question', () => {
      const result = check('Wat is je studentnummer en je geboortedatum?', {
        inboundTexts: ['Inloggen lukt niet'],
      });
      expect(codes(result)).toEqual(['ASKS_FOR_DATE_OF_BIRTH']);
    });

    it('has nothing to say about a plain answer', () => {
      const draft = 'De open dag is op zaterdag 14 maart van 10 tot 14 uur. Je bent welkom!';
      expect(check(draft)).toEqual({ text: draft, warnings: [], refusal: null });
    });
  });

  describe('language of the messages', () => {
    it('follows the draft when no language is given', () => {
      expect(check('What is your email address?').warnings[0].message).toMatch(/^The question/);
      expect(check('Wat is je e-mailadres?').warnings[0].message).toMatch(/^Voor deze vraag/);
    });

    it('follows the given language over the draft', () => {
      expect(check('What is your email address?', { lang: 'nl' }).warnings[0].message).toMatch(
        /^Voor deze vraag/,
      );
    });
  });

  describe('tracking parameters', () => {
    it('strips them, returns the cleaned text and says so', () => {
      const result = check('Meld je aan via https://school.nl/aanmelden?utm_source=whatsapp&fbclid=abc.');
      expect(result.text).toBe('Meld je aan via https://school.nl/aanmelden.');
      expect(result.warnings).toEqual([
        {
          code: 'TRACKING_PARAMETERS_REMOVED',
          message: 'Trackingparameters zijn uit de links verwijderd: utm_source, fbclid.',
        },
      ]);
      expect(result.refusal).toBeNull();
    });

    it('returns the cleaned text with a refusal too', () => {
      const result = check('Send your passport and see www.school.nl/id?gclid=1', { lang: 'en' });
      expect(result.text).toBe('Send your passport and see www.school.nl/id');
      expect(result.refusal?.code).toBe('ASKS_FOR_ID_DOCUMENT');
      expect(codes(result)).toEqual(['TRACKING_PARAMETERS_REMOVED']);
    });
  });
});

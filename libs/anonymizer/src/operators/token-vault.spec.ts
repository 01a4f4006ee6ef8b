import { anonymize } from '../engine/anonymize';
import { TokenVault } from './token-vault';

describe('TokenVault', () => {
  it('gives one token per person, case-, accent- and spacing-insensitive', () => {
    const vault = new TokenVault();
    const t = vault.tokenFor('PERSON', 'Sanne');
    expect(vault.tokenFor('PERSON', 'sanne')).toBe(t);
    expect(vault.tokenFor('PERSON', 'SANNE')).toBe(t);
    expect(vault.tokenFor('PERSON', 'Tomáš  Novák')).toBe(vault.tokenFor('PERSON', 'tomas novak'));
    expect(vault.tokenFor('PERSON', 'Daan')).toBe('[PERSON_3]');
  });

  it('gives one token per phone whatever its form', () => {
    const vault = new TokenVault();
    expect(vault.tokenFor('PHONE', '06-12345678')).toBe('[PHONE_1]');
    expect(vault.tokenFor('PHONE', '+31 6 1234 5678')).toBe('[PHONE_1]');
    expect(vault.tokenFor('PHONE', '0031 6 12 34 56 78')).toBe('[PHONE_1]');
  });

  it('numbers per type and continues after reloaded entries', () => {
    const first = new TokenVault();
    first.tokenFor('PERSON', 'Sanne');
    first.tokenFor('EMAIL', 'a@b.nl');
    first.tokenFor('PERSON', 'Daan');
    const reloaded = new TokenVault(first.entries());
    expect(reloaded.tokenFor('PERSON', 'SANNE')).toBe('[PERSON_1]');
    expect(reloaded.tokenFor('PERSON', 'Fleur')).toBe('[PERSON_3]');
    expect(reloaded.tokenFor('EMAIL', 'c@d.nl')).toBe('[EMAIL_2]');
  });
});

describe('anonymize', () => {
  it('pseudonymizes consistently within a conversation and reports new entries', () => {
    const vault = new TokenVault();
    const a = anonymize('Hoi, ik ben Sanne. Bel me op 06-12345678.', {}, vault);
    expect(a.text).toBe('Hoi, ik ben [PERSON_1]. Bel me op [PHONE_1].');
    expect(a.newEntries.map((e) => e.token)).toEqual(['[PERSON_1]', '[PHONE_1]']);
    const b = anonymize('Nog een vraag van SANNE: +31 6 1234 5678 werkt niet', {}, vault);
    expect(b.text).toBe('Nog een vraag van [PERSON_1]: [PHONE_1] werkt niet');
    expect(b.newEntries).toEqual([]);
  });

  it('keeps offsets on the input with emoji and accents', () => {
    const text = '😀🎉 Hoi! Ik ben Zoë 🙈 mail zoe@example.com';
    const r = anonymize(text);
    const slices = r.entities.map((e) => text.slice(e.start, e.end));
    expect(slices).toEqual(['Zoë', 'zoe@example.com']);
    expect(r.text).toBe('😀🎉 Hoi! Ik ben [PERSON_1] 🙈 mail [EMAIL_1]');
  });

  it('redacts and masks', () => {
    expect(anonymize('Groetjes, Sanne', { operator: 'redact' }).text).toBe('Groetjes, [PERSON]');
    expect(anonymize('Groetjes, Sanne', { operator: 'mask' }).text).toBe('Groetjes, S****');
    expect(anonymize('Groetjes, Sanne', { operator: 'mask' }).newEntries).toEqual([]);
  });
});

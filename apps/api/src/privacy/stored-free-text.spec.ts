import { withoutIdentifiers } from './stored-free-text';

describe('withoutIdentifiers', () => {
  it('replaces names, phone numbers and emails by their type and keeps the rest', () => {
    expect(withoutIdentifiers(' Klacht van Sanne de Vries, bel 06-12345678 of sanne@example.nl ')).toBe(
      'Klacht van [PERSON], bel [PHONE] of [EMAIL]',
    );
    expect(withoutIdentifiers('Overdracht aan het international office')).toBe(
      'Overdracht aan het international office',
    );
  });
});

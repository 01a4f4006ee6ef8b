import { DomainError } from '@webcare/platform';
import { holdReason, HoldReasonInput } from './legal-hold-reasons';

describe('holdReason', () => {
  it('takes a listed code as is, and a note only with identifiers replaced', () => {
    expect(holdReason({ reasonCode: 'complaint' })).toEqual({ reasonCode: 'complaint', note: null });
    expect(
      holdReason({ reasonCode: 'complaint', note: 'Klacht van Sanne de Vries, dossier 2026-17' }),
    ).toEqual({ reasonCode: 'complaint', note: 'Klacht van [PERSON], dossier 2026-17' });
    expect(holdReason({ reasonCode: 'regulator_request', note: '   ' })).toEqual({
      reasonCode: 'regulator_request',
      note: null,
    });
  });

  it('stores an older client’s free-text reason as the note of an `other` hold', () => {
    expect(holdReason({ reason: 'bel 06-12345678' })).toEqual({ reasonCode: 'other', note: 'bel [PHONE]' });
  });

  it('refuses a hold without a code or reason, and a reason with nothing in it', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return [(err as DomainError).code, (err as DomainError).status, (err as DomainError).message];
      }
      return null;
    };
    expect(code(() => holdReason({}))).toEqual([
      'VALIDATION_FAILED',
      400,
      'reasonCode must be one of complaint, legal_proceedings, regulator_request, internal_investigation, other',
    ]);
    expect(code(() => holdReason({ note: 'only a note' }))?.[0]).toBe('VALIDATION_FAILED');
    const bogus = { reasonCode: 'bogus', reason: 'dossier' } as unknown as HoldReasonInput;
    expect(code(() => holdReason(bogus))?.[0]).toBe('VALIDATION_FAILED');
    expect(code(() => holdReason({ reason: '  ' }))).toEqual([
      'VALIDATION_FAILED',
      400,
      'reason is required',
    ]);
  });
});

import { consentRequestRefusal } from './consent-rules';

describe('consentRequestRefusal', () => {
  const base = { userTeamId: 't1', caseTeamId: 't1', view: 'original' as const };

  it("lets the owning team's agents ask for any other team", () => {
    expect(consentRequestRefusal({ ...base, forTeamId: 't2' })).toBeNull();
    expect(consentRequestRefusal({ ...base, forTeamId: 't3' })).toBeNull();
  });

  it('needs no consent for the owning team itself', () => {
    expect(consentRequestRefusal({ ...base, forTeamId: 't1' })).toBe('owning_team_needs_none');
  });

  it('lets a receiving team, or the owning team lead, ask for its own team only', () => {
    const receiving = { userTeamId: 't2', caseTeamId: 't1', view: 'pseudonymized' as const };
    expect(consentRequestRefusal({ ...receiving, forTeamId: 't2' })).toBeNull();
    expect(consentRequestRefusal({ ...receiving, forTeamId: 't3' })).toBe('for_own_team_only');
    const owningLead = { ...base, view: 'pseudonymized' as const };
    expect(consentRequestRefusal({ ...owningLead, forTeamId: 't2' })).toBe('for_own_team_only');
  });
});

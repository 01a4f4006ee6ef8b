import { caseViewFor } from './case-access';

const own = { teamId: 't1', escalatedToUserTeam: false, consentForUserTeam: false };

describe('caseViewFor', () => {
  it('gives agents of the owning team the original', () => {
    expect(caseViewFor({ id: 'u', role: 'agent', teamId: 't1' }, own)).toBe('original');
  });

  it('gives the owning team lead a pseudonymized view', () => {
    expect(caseViewFor({ id: 'u', role: 'team_lead', teamId: 't1' }, own)).toBe('pseudonymized');
  });

  it('hides the case from other teams and content-free roles', () => {
    expect(caseViewFor({ id: 'u', role: 'agent', teamId: 't2' }, own)).toBeNull();
    expect(caseViewFor({ id: 'u', role: 'manager', teamId: 't1' }, own)).toBeNull();
    expect(caseViewFor({ id: 'u', role: 'privacy_officer', teamId: null }, own)).toBeNull();
    expect(caseViewFor({ id: 'u', role: 'admin', teamId: null }, own)).toBeNull();
  });

  it('shows escalated cases pseudonymized to the receiving team, original only with consent', () => {
    const escalated = { ...own, escalatedToUserTeam: true };
    expect(caseViewFor({ id: 'u', role: 'team_lead', teamId: 't2' }, escalated)).toBe('pseudonymized');
    expect(caseViewFor({ id: 'u', role: 'agent', teamId: 't2' }, escalated)).toBe('pseudonymized');
    expect(
      caseViewFor({ id: 'u', role: 'team_lead', teamId: 't2' }, { ...escalated, consentForUserTeam: true }),
    ).toBe('original');
    expect(
      caseViewFor({ id: 'u', role: 'agent', teamId: 't3' }, { ...own, consentForUserTeam: true }),
    ).toBeNull();
  });
});

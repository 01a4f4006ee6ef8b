import { caseViewFor } from './case-access';

describe('caseViewFor', () => {
  const kase = { teamId: 't1' };
  it('gives agents of the owning team the original', () => {
    expect(caseViewFor({ id: 'u', role: 'agent', teamId: 't1' }, kase)).toBe('original');
  });
  it('gives the team lead a pseudonymized view', () => {
    expect(caseViewFor({ id: 'u', role: 'team_lead', teamId: 't1' }, kase)).toBe('pseudonymized');
  });
  it('hides the case from other teams and content-free roles', () => {
    expect(caseViewFor({ id: 'u', role: 'agent', teamId: 't2' }, kase)).toBeNull();
    expect(caseViewFor({ id: 'u', role: 'manager', teamId: 't1' }, kase)).toBeNull();
    expect(caseViewFor({ id: 'u', role: 'admin', teamId: null }, kase)).toBeNull();
  });
});

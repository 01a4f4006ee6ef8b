import { AuditAction } from '@webcare/domain';
import { planUserChange } from './user-changes';
import { UserRow } from './users.repository';

const agent: UserRow = {
  id: 'u1',
  email: 'a@school.test',
  name: 'Sanne',
  role: 'agent',
  teamId: 't1',
  active: true,
};

describe('planUserChange', () => {
  it('a role change revokes tokens and records role names, not the person', () => {
    const plan = planUserChange(agent, { role: 'team_lead' });
    expect(plan.revoke).toBe(true);
    expect(plan.audit).toEqual([{ action: AuditAction.UserChanged, detail: 'role:agent->team_lead' }]);
    expect(JSON.stringify(plan.audit)).not.toMatch(/Sanne|school\.test/);
  });

  it('deactivation revokes; a rename alone does not and records only that the name changed', () => {
    expect(planUserChange(agent, { active: false })).toMatchObject({
      revoke: true,
      audit: [{ action: AuditAction.UserDeactivated, detail: 'role:agent' }],
    });
    const renamed = planUserChange(agent, { name: ' Sanne de Vries ' });
    expect(renamed).toMatchObject({ revoke: false, audit: [{ detail: 'name' }] });
    expect(renamed.next.name).toBe('Sanne de Vries');
  });

  it('a team change names both team ids; an empty patch changes nothing', () => {
    expect(planUserChange(agent, { teamId: 't2' }).audit[0].detail).toBe('team:t1->t2');
    expect(planUserChange(agent, {})).toEqual({ next: agent, revoke: false, audit: [] });
  });
});

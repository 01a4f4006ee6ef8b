import { AppConfig } from '@webcare/platform';
import { AuditService } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { failureOf, FakeAudit, fakeDataSource } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { DUMMY_HASH } from '../auth/password';
import { SessionStateService } from '../auth/session-state.service';
import { UserRow, UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/** The users and teams tables in memory. */
class FakeUsers {
  readonly users = new Map<string, UserRow>();
  readonly teams = new Set(['team-1']);
  readonly revokedWrites: string[] = [];

  async lockOne(_m: EntityManager, id: string): Promise<UserRow | null> {
    const user = this.users.get(id);
    return user ? { ...user } : null;
  }
  async otherActiveAdmins(_m: EntityManager, id: string): Promise<number> {
    return [...this.users.values()].filter((u) => u.role === 'admin' && u.active && u.id !== id).length;
  }
  async teamExists(_m: EntityManager, teamId: string): Promise<boolean> {
    return this.teams.has(teamId);
  }
  async update(_m: EntityManager, next: UserRow, revoke: boolean): Promise<UserRow> {
    this.users.set(next.id, next);
    if (revoke) this.revokedWrites.push(next.id);
    return next;
  }
}

const admin: UserRow = {
  id: 'admin-1',
  email: 'a@school.test',
  name: 'A',
  role: 'admin',
  teamId: null,
  active: true,
};
const agent: UserRow = {
  id: 'agent-1',
  email: 'b@school.test',
  name: 'B',
  role: 'agent',
  teamId: 'team-1',
  active: true,
};
const actor: AuthUser = { id: 'admin-1', role: 'admin', teamId: null };

function setup(...rows: UserRow[]) {
  const repo = new FakeUsers();
  for (const r of rows) repo.users.set(r.id, r);
  const audit = new FakeAudit();
  const revoked: string[] = [];
  const service = new UsersService(
    fakeDataSource(),
    {} as AppConfig,
    repo as unknown as UsersRepository,
    audit as unknown as AuditService,
    { revoked: async (id: string) => void revoked.push(id) } as unknown as SessionStateService,
  );
  return { repo, audit, revoked, service };
}

describe('UsersService.update', () => {
  // Importing the service starts hashing auth's dummy password; let it finish before jest exits.
  afterAll(() => DUMMY_HASH);

  it('keeps the last active admin: neither demoted nor deactivated', async () => {
    const { service, repo } = setup(admin, agent);
    const conflict = {
      code: 'CONFLICT',
      status: 409,
      message: 'This is the last active admin: make someone else admin first',
    };
    expect(await failureOf(service.update(actor, 'admin-1', { active: false }))).toEqual(conflict);
    expect(await failureOf(service.update(actor, 'admin-1', { role: 'manager' }))).toEqual(conflict);
    expect(repo.users.get('admin-1')).toEqual(admin);
  });

  it('lets an admin step down once another admin is active, and revokes their sessions', async () => {
    const { service, revoked, audit } = setup(admin, { ...admin, id: 'admin-2', email: 'c@school.test' });
    await expect(service.update(actor, 'admin-1', { role: 'manager' })).resolves.toMatchObject({
      role: 'manager',
    });
    expect(revoked).toEqual(['admin-1']);
    expect(audit.entries).toHaveLength(1);
  });

  it('needs a team for team roles and an existing team when moving someone', async () => {
    const { service } = setup(admin, agent);
    expect(await failureOf(service.update(actor, 'agent-1', { teamId: null }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'A agent needs a teamId',
    });
    expect(await failureOf(service.update(actor, 'agent-1', { teamId: 'team-9' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'teamId does not name an existing team',
    });
  });

  it('writes nothing and revokes nothing for a patch that changes nothing; 404 for an unknown user', async () => {
    const { service, repo, revoked, audit } = setup(admin, agent);
    await expect(service.update(actor, 'agent-1', { name: ' B ' })).resolves.toEqual(agent);
    expect(repo.revokedWrites).toEqual([]);
    expect(revoked).toEqual([]);
    expect(audit.entries).toEqual([]);
    expect(await failureOf(service.update(actor, 'nobody', {}))).toEqual({
      code: 'NOT_FOUND',
      status: 404,
      message: 'The user was not found',
    });
  });
});

import { CaseEntity } from '@webcare/platform';
import { EntityManager } from 'typeorm';
import { failureOf, fakeCase, fakeDataSource } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from './case-access.service';
import { CaseAccessFactsRow, CasesRepository } from './cases.repository';

/** Cases by id, and per team the escalations to it and the consents given for it. */
class FakeCases {
  readonly cases = new Map<string, CaseEntity>();
  readonly escalatedTo = new Set<string>();
  readonly consentFor = new Set<string>();
  readonly locks: string[] = [];

  async accessFacts(_m: EntityManager, caseId: string, teamId: string): Promise<CaseAccessFactsRow> {
    const key = `${caseId}/${teamId}`;
    return { escalated: this.escalatedTo.has(key), consent: this.consentFor.has(key) };
  }

  async findById(_m: EntityManager, caseId: string, lock: boolean): Promise<CaseEntity | null> {
    if (lock) this.locks.push(caseId);
    return this.cases.get(caseId) ?? null;
  }
}

const kase = fakeCase({ teamId: 'team-1' });
const agent: AuthUser = { id: 'u1', role: 'agent', teamId: 'team-1' };
const lead: AuthUser = { id: 'u2', role: 'team_lead', teamId: 'team-1' };
const otherAgent: AuthUser = { id: 'u3', role: 'agent', teamId: 'team-2' };

function setup() {
  const repo = new FakeCases();
  repo.cases.set(kase.id, kase);
  const access = new CaseAccessService(fakeDataSource(), repo as unknown as CasesRepository);
  return { repo, access };
}

describe('CaseAccessService', () => {
  it('shows the owning team the case: its agents the original, its lead the pseudonymized copy', async () => {
    const { access } = setup();
    expect((await access.load(agent, kase.id)).view).toBe('original');
    expect((await access.load(lead, kase.id)).view).toBe('pseudonymized');
  });

  it('answers 404, not 403, for a case of another team, a missing case, a bad id or a user without team', async () => {
    const { access } = setup();
    const notFound = { code: 'NOT_FOUND', status: 404, message: 'Case was not found' };
    expect(await failureOf(access.load(otherAgent, kase.id))).toEqual(notFound);
    expect(await failureOf(access.load(agent, '0b8a3c1e-2f4d-4e5a-8b6c-7d8e9f0a1b2c'))).toEqual(notFound);
    expect(await failureOf(access.load(agent, 'not-a-uuid'))).toEqual(notFound);
    expect(await failureOf(access.load({ id: 'a', role: 'admin', teamId: null }, kase.id))).toEqual(notFound);
  });

  it('shows an escalated case to the receiving team pseudonymized, and the original only with consent', async () => {
    const { repo, access } = setup();
    repo.escalatedTo.add(`${kase.id}/team-2`);
    expect((await access.load(otherAgent, kase.id)).view).toBe('pseudonymized');
    repo.consentFor.add(`${kase.id}/team-2`);
    expect((await access.load(otherAgent, kase.id)).view).toBe('original');
  });

  it('lets only those who see the original act on the person’s behalf, and locks the case for it', async () => {
    const { repo, access } = setup();
    expect(await failureOf(access.loadForAction(lead, kase.id, fakeDataSource().manager))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: 'Only agents who see the original conversation can do this',
    });
    await expect(access.loadForAction(agent, kase.id, fakeDataSource().manager)).resolves.toBe(kase);
    expect(repo.locks).toEqual([kase.id, kase.id]);
  });
});

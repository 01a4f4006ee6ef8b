import { CaseEntity } from '@webcare/platform';
import { AuditAction, CaseFactsRecorder } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { caseServiceFakes, failureOf, fakeCase } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { CaseActionsService } from './case-actions.service';
import { CaseAccessFactsRow, NewCaseNote } from './cases.repository';

class FakeCases {
  readonly cases = new Map<string, CaseEntity>();
  readonly escalatedTo = new Set<string>();
  /** `userId/teamId` of active agents. */
  readonly agents = new Set<string>();
  readonly closed: string[] = [];
  readonly notes: NewCaseNote[] = [];

  async accessFacts(_m: EntityManager, caseId: string, teamId: string): Promise<CaseAccessFactsRow> {
    return { escalated: this.escalatedTo.has(`${caseId}/${teamId}`), consent: false };
  }
  async findById(_m: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return this.cases.get(caseId) ?? null;
  }
  async isActiveAgentOf(_m: EntityManager, userId: string, teamId: string): Promise<boolean> {
    return this.agents.has(`${userId}/${teamId}`);
  }
  async assign(_m: EntityManager, caseId: string, userId: string): Promise<void> {
    this.cases.get(caseId)!.assigneeId = userId;
  }
  async close(_m: EntityManager, caseId: string): Promise<void> {
    this.closed.push(caseId);
  }
  async insertNote(_m: EntityManager, note: NewCaseNote): Promise<void> {
    this.notes.push(note);
  }
}

const agent: AuthUser = { id: 'agent-1', role: 'agent', teamId: 'team-1' };
const lead: AuthUser = { id: 'lead-1', role: 'team_lead', teamId: 'team-1' };
const receivingAgent: AuthUser = { id: 'agent-2', role: 'agent', teamId: 'team-2' };

function setup(status: CaseEntity['status'] = 'open') {
  const kase = fakeCase({ teamId: 'team-1', status });
  const repo = new FakeCases();
  repo.cases.set(kase.id, kase);
  repo.escalatedTo.add(`${kase.id}/team-2`);
  repo.agents.add('agent-1/team-1');
  const { dataSource, access, cases, keyRing, vaults, audit, realtime } = caseServiceFakes(
    repo,
    kase,
    Buffer.alloc(32, 7),
  );
  const facts: string[] = [];
  const actions = new CaseActionsService(dataSource, access, cases, keyRing, vaults, audit, realtime, {
    record: async (_m: EntityManager, id: string) => void facts.push(id),
  } as unknown as CaseFactsRecorder);
  return { kase, repo, keyRing, audit, realtime, facts, actions };
}

describe('CaseActionsService', () => {
  it('assigns an active agent of the owning team, audits it and tells the team and the assignee', async () => {
    const { kase, actions, audit, realtime } = setup();
    await expect(actions.assign(lead, kase.id, { userId: 'agent-1' })).resolves.toEqual({
      id: kase.id,
      assigneeId: 'agent-1',
    });
    expect(kase.assigneeId).toBe('agent-1');
    expect(audit.entries).toMatchObject([
      { actorId: 'lead-1', action: AuditAction.CaseAssigned, objectId: kase.id },
    ]);
    expect(realtime.events).toEqual([
      {
        rooms: ['team:team-1', 'user:agent-1'],
        event: 'case.updated',
        payload: { caseId: kase.id, status: 'open', assigneeId: 'agent-1' },
      },
    ]);
  });

  it('refuses an assignee who is not an active agent of the owning team', async () => {
    const { kase, actions, audit } = setup();
    expect(await failureOf(actions.assign(lead, kase.id, { userId: 'agent-2' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'userId must be an active agent of the team that owns this case',
    });
    expect(kase.assigneeId).toBeNull();
    expect(audit.entries).toEqual([]);
  });

  it('leaves assigning and closing to the owning team, not to a team the case was escalated to', async () => {
    const { kase, actions, repo } = setup();
    const forbidden = {
      code: 'FORBIDDEN',
      status: 403,
      message: 'Only the team that owns the case can do this',
    };
    expect(await failureOf(actions.assign(receivingAgent, kase.id, { userId: 'agent-1' }))).toEqual(
      forbidden,
    );
    expect(await failureOf(actions.close(receivingAgent, kase.id))).toEqual(forbidden);
    expect(repo.closed).toEqual([]);
  });

  it('closes once: the report fact and the audit event are written on the first close only', async () => {
    const open = setup();
    await expect(open.actions.close(agent, open.kase.id)).resolves.toEqual({
      id: open.kase.id,
      status: 'closed',
    });
    expect(open.repo.closed).toEqual([open.kase.id]);
    expect(open.facts).toEqual([open.kase.id]);
    expect(open.audit.entries).toMatchObject([{ action: AuditAction.CaseClosed }]);

    const closed = setup('closed');
    await closed.actions.close(agent, closed.kase.id);
    expect(closed.repo.closed).toEqual([]);
    expect(closed.facts).toEqual([]);
    expect(closed.audit.entries).toEqual([]);
  });

  it('stores a note sealed and pseudonymized; a lead (pseudonymized view) may not write one', async () => {
    const { kase, actions, repo } = setup();
    const { id } = await actions.addNote(agent, kase.id, { text: 'Belt terug' });
    expect(repo.notes).toHaveLength(1);
    expect(repo.notes[0]).toMatchObject({
      id,
      caseId: kase.id,
      authorId: 'agent-1',
      textPseudo: 'pseudo:Belt terug',
    });
    expect(repo.notes[0].textEnc.toString('utf8')).not.toContain('Belt terug');
    expect((await failureOf(actions.addNote(lead, kase.id, { text: 'x' }))).code).toBe('FORBIDDEN');
  });

  it('answers 410 for a note on a case whose key was shredded', async () => {
    const { kase, actions, keyRing, repo } = setup();
    keyRing.keys.clear();
    expect(await failureOf(actions.addNote(agent, kase.id, { text: 'x' }))).toEqual({
      code: 'CASE_DELETED',
      status: 410,
      message: 'This conversation has been deleted',
    });
    expect(repo.notes).toEqual([]);
  });
});

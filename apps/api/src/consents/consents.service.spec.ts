import { DomainError, RealtimeEmitter } from '@webcare/platform';
import { AuditService } from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { CaseView } from '../cases/case-access';
import { RepliesService } from '../replies/replies.service';
import { ConsentRow, ConsentsRepository, NewConsent } from './consents.repository';
import { ConsentsService } from './consents.service';

const OWNING = 'team-owning';
const RECEIVING = 'team-receiving';
const OTHER = 'team-other';
const CASE = 'c0a8a2e4-1b5f-4c3e-9d6a-1f2e3d4c5b6a';
const agent: AuthUser = { id: 'u-agent', role: 'agent', teamId: OWNING };
const receivingLead: AuthUser = { id: 'u-lead', role: 'team_lead', teamId: RECEIVING };

/** Consents and messages in memory, with the same rules the SQL applies. */
class FakeConsents implements Partial<ConsentsRepository> {
  rows = new Map<string, ConsentRow>();
  teams = new Map([
    [OWNING, 'Admissions'],
    [RECEIVING, 'International Office'],
    [OTHER, 'Finance'],
  ]);
  inbound: { id: string; at: number; text: string }[] = [
    { id: 'm-in-1', at: 1, text: 'Hoi, mag ik iets vragen?' },
  ];
  questionAt = 2;

  teamName = async (_m: EntityManager, id: string) => this.teams.get(id) ?? null;
  latestInboundText = async () => this.inbound[this.inbound.length - 1]?.text ?? null;
  insert = async (_m: EntityManager, c: NewConsent) => {
    const id = `0b7c9a1e-0000-4000-8000-00000000000${this.rows.size}`;
    this.rows.set(id, {
      id,
      caseId: c.caseId,
      teamId: c.teamId,
      purpose: c.purpose,
      status: 'requested',
      requestMessageId: c.requestMessageId,
      evidenceMessageId: null,
      requestedAt: new Date().toISOString(),
      givenAt: null,
      withdrawnAt: null,
    });
    return id;
  };
  lockCaseId = async (_m: EntityManager, id: string) => this.rows.get(id)?.caseId ?? null;
  evidenceMessageId = async (_m: EntityManager, q: { messageId: string; caseId: string }) =>
    q.caseId === CASE
      ? (this.inbound.find((i) => i.id === q.messageId && i.at >= this.questionAt)?.id ?? null)
      : null;
  markGiven = async (_m: EntityManager, id: string, evidence: string) => {
    Object.assign(this.rows.get(id)!, {
      status: 'given',
      evidenceMessageId: evidence,
      givenAt: new Date().toISOString(),
    });
  };
  markWithdrawn = async (_m: EntityManager, id: string) => {
    Object.assign(this.rows.get(id)!, { status: 'withdrawn', withdrawnAt: new Date().toISOString() });
  };
  /** Set when the receiving team took the case over: the team it goes back to. */
  takenOverFrom: string | null = null;
  returnTakenOverCase = async (_m: EntityManager, _caseId: string, teamId: string) => {
    const stillGiven = [...this.rows.values()].some((r) => r.teamId === teamId && r.status === 'given');
    return stillGiven ? null : this.takenOverFrom;
  };
  byId = async (_m: EntityManager, id: string) => ({ ...this.rows.get(id)! });
  ofCase = async (_m: EntityManager, caseId: string) =>
    [...this.rows.values()].filter((r) => r.caseId === caseId);
}

function setup(views: Record<string, CaseView> = { [OWNING]: 'original', [RECEIVING]: 'pseudonymized' }) {
  const repo = new FakeConsents();
  const kase = { id: CASE, teamId: OWNING, status: 'open' };
  const load = jest.fn(async (user: AuthUser) => {
    const view = views[user.teamId ?? ''];
    if (!view) throw new DomainError('NOT_FOUND', 'Case was not found', 404);
    return { kase, view };
  });
  const access = {
    load,
    loadForAction: jest.fn(async (user: AuthUser) => {
      const { view } = await load(user);
      if (view !== 'original') throw new DomainError('FORBIDDEN', 'original view needed', 403);
      return kase;
    }),
  };
  const replies = { queueSystemMessage: jest.fn(async () => 'm-question'), announce: jest.fn() };
  const audit = { record: jest.fn(async () => undefined) };
  const realtime = { emit: jest.fn() };
  const m = {} as EntityManager;
  const dataSource = { transaction: (fn: (m: EntityManager) => unknown) => fn(m), manager: m };
  const service = new ConsentsService(
    dataSource as unknown as DataSource,
    repo as unknown as ConsentsRepository,
    access as unknown as CaseAccessService,
    replies as unknown as RepliesService,
    audit as unknown as AuditService,
    realtime as unknown as RealtimeEmitter,
  );
  return { service, repo, replies, audit, realtime, access };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: DomainError) => `${e.status} ${e.code}`,
  );

describe('ConsentsService', () => {
  it('lets a receiving team ask for itself only, and asks nothing for the owning team', async () => {
    const t = setup();
    await expect(
      code(t.service.request(receivingLead, CASE, { teamId: OTHER, purpose: 'answer_question' })),
    ).resolves.toBe('403 FORBIDDEN');
    await expect(
      code(t.service.request(agent, CASE, { teamId: OWNING, purpose: 'answer_question' })),
    ).resolves.toBe('400 VALIDATION_FAILED');
    await expect(
      code(t.service.request(agent, CASE, { teamId: 'team-gone', purpose: 'answer_question' })),
    ).resolves.toBe('400 VALIDATION_FAILED');
    expect(t.replies.queueSystemMessage).not.toHaveBeenCalled();
    expect(t.repo.rows.size).toBe(0);
  });

  it("sends the purpose's wording in the person's language and stores only the code", async () => {
    const t = setup();
    const view = await t.service.request(receivingLead, CASE, {
      teamId: RECEIVING,
      purpose: 'diploma_evaluation',
    });
    expect(t.replies.queueSystemMessage).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ id: CASE }),
      'Mogen wij je vraag en gegevens doorgeven aan International Office, zodat zij je diploma en vooropleiding kunnen beoordelen? Antwoord met JA of NEE. Je kunt dit altijd weer intrekken.',
      receivingLead.id,
    );
    expect(view).toMatchObject({ teamId: RECEIVING, purpose: 'diploma_evaluation', status: 'requested' });
    expect(t.audit.record).toHaveBeenCalledWith(
      expect.anything(),
      expect.objectContaining({ action: 'consent.requested' }),
    );

    await t.service.request(agent, CASE, { teamId: OTHER, purpose: 'finance_advice', lang: 'en' });
    expect(t.replies.queueSystemMessage).toHaveBeenLastCalledWith(
      expect.anything(),
      expect.anything(),
      expect.stringContaining('to Finance so they can advise you on tuition fees and student finance?'),
      agent.id,
    );
  });

  it("records only the person's answer after the question, and only once", async () => {
    const t = setup();
    const asked = await t.service.request(agent, CASE, { teamId: RECEIVING, purpose: 'answer_question' });
    await expect(code(t.service.record(agent, asked.id, { evidenceMessageId: 'm-in-1' }))).resolves.toBe(
      '400 VALIDATION_FAILED',
    );
    t.repo.inbound.push({ id: 'm-in-2', at: 3, text: 'JA' });
    const given = await t.service.record(agent, asked.id, { evidenceMessageId: 'm-in-2' });
    expect(given).toMatchObject({ status: 'given', evidenceMessageId: 'm-in-2' });
    await expect(code(t.service.record(agent, asked.id, { evidenceMessageId: 'm-in-2' }))).resolves.toBe(
      '409 CONFLICT',
    );
    expect(t.realtime.emit).toHaveBeenCalledWith([`team:${RECEIVING}`], 'case.updated', {
      caseId: CASE,
      status: 'consent_given',
      assigneeId: null,
    });
  });

  it('decides on a consent only for someone who sees the original, before touching it', async () => {
    const t = setup();
    const asked = await t.service.request(agent, CASE, { teamId: RECEIVING, purpose: 'answer_question' });
    t.repo.inbound.push({ id: 'm-in-2', at: 3, text: 'JA' });
    await expect(
      code(t.service.record(receivingLead, asked.id, { evidenceMessageId: 'm-in-2' })),
    ).resolves.toBe('403 FORBIDDEN');
    await expect(code(t.service.withdraw(receivingLead, asked.id))).resolves.toBe('403 FORBIDDEN');
    expect(t.repo.rows.get(asked.id)!.status).toBe('requested');
    await expect(code(t.service.withdraw(agent, 'not-a-uuid'))).resolves.toBe('404 NOT_FOUND');
    await expect(code(t.service.withdraw(agent, '0b7c9a1e-0000-4000-8000-0000000000ff'))).resolves.toBe(
      '404 NOT_FOUND',
    );
  });

  it('withdraws once: a second withdrawal changes and audits nothing', async () => {
    const t = setup();
    const asked = await t.service.request(agent, CASE, { teamId: RECEIVING, purpose: 'answer_question' });
    t.repo.inbound.push({ id: 'm-in-2', at: 3, text: 'JA' });
    await t.service.record(agent, asked.id, { evidenceMessageId: 'm-in-2' });
    const first = await t.service.withdraw(agent, asked.id);
    expect(first.status).toBe('withdrawn');
    const audits = t.audit.record.mock.calls.length;
    const second = await t.service.withdraw(agent, asked.id);
    expect(second.withdrawnAt).toBe(first.withdrawnAt);
    expect(t.audit.record.mock.calls.length).toBe(audits);
  });

  it('hands a taken-over case back to the escalating team when the consent it rested on is withdrawn', async () => {
    const t = setup();
    const asked = await t.service.request(agent, CASE, { teamId: RECEIVING, purpose: 'answer_question' });
    t.repo.inbound.push({ id: 'm-in-2', at: 3, text: 'JA' });
    await t.service.record(agent, asked.id, { evidenceMessageId: 'm-in-2' });
    t.repo.takenOverFrom = OWNING;
    await t.service.withdraw(agent, asked.id);
    expect(t.realtime.emit).toHaveBeenLastCalledWith(
      [`team:${RECEIVING}`, `team:${OWNING}`],
      'case.updated',
      {
        caseId: CASE,
        status: 'consent_withdrawn',
        assigneeId: null,
      },
    );
  });
});

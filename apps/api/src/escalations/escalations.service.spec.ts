import { CaseEntity } from '@webcare/platform';
import { AuditAction } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { caseServiceFakes, failureOf, fakeCase } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessFactsRow } from '../cases/cases.repository';
import { RedactionOverlay } from '../redactions/redaction-overlay.service';
import { EscalationsRepository, NewEscalation, ReceivedEscalationRow } from './escalations.repository';
import { EscalationsService } from './escalations.service';

const ESCALATION_ID = '9a0e8b7c-1d2e-4f3a-8b4c-5d6e7f8a9b0c';

/** The cases and escalations tables in memory, enough for the escalation rules. */
class FakeStore {
  readonly cases = new Map<string, CaseEntity>();
  readonly teams = new Set(['team-1', 'team-2']);
  readonly escalations = new Map<string, ReceivedEscalationRow & { answer?: string }>();
  readonly consents = new Set<string>();
  readonly inserted: NewEscalation[] = [];

  // CasesRepository
  async accessFacts(_m: EntityManager, caseId: string, teamId: string): Promise<CaseAccessFactsRow> {
    const escalated = [...this.escalations.values()].some(
      (e) => e.case_id === caseId && e.to_team_id === teamId,
    );
    return { escalated, consent: this.consents.has(`${caseId}/${teamId}`) };
  }
  async findById(_m: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return this.cases.get(caseId) ?? null;
  }
  async dataKeyId(_m: EntityManager, caseId: string): Promise<string | null> {
    return this.cases.get(caseId)?.dataKeyId ?? null;
  }
  async moveToTeam(_m: EntityManager, caseId: string, teamId: string): Promise<void> {
    Object.assign(this.cases.get(caseId)!, { teamId, assigneeId: null });
  }

  // EscalationsRepository
  async teamExists(_m: EntityManager, teamId: string): Promise<boolean> {
    return this.teams.has(teamId);
  }
  async insert(_m: EntityManager, e: NewEscalation): Promise<string> {
    this.inserted.push(e);
    return ESCALATION_ID;
  }
  async lockReceived(_m: EntityManager, id: string, teamId: string): Promise<ReceivedEscalationRow | null> {
    const esc = this.escalations.get(id);
    return esc && esc.to_team_id === teamId ? esc : null;
  }
  async consentGiven(_m: EntityManager, caseId: string, teamId: string): Promise<boolean> {
    return this.consents.has(`${caseId}/${teamId}`);
  }
  async saveAnswer(_m: EntityManager, id: string, answer: string): Promise<void> {
    Object.assign(this.escalations.get(id)!, { answer, status: 'answered' });
  }
  async markTakenOver(_m: EntityManager, id: string): Promise<void> {
    this.escalations.get(id)!.status = 'taken_over';
  }
}

const sender: AuthUser = { id: 'agent-1', role: 'agent', teamId: 'team-1' };
const receiver: AuthUser = { id: 'lead-2', role: 'team_lead', teamId: 'team-2' };
const bystander: AuthUser = { id: 'lead-3', role: 'team_lead', teamId: 'team-3' };

function setup() {
  const kase = fakeCase({ teamId: 'team-1', assigneeId: 'agent-1' });
  const store = new FakeStore();
  store.cases.set(kase.id, kase);
  store.escalations.set(ESCALATION_ID, {
    id: ESCALATION_ID,
    case_id: kase.id,
    from_team_id: 'team-1',
    to_team_id: 'team-2',
    status: 'open',
  });
  const { dataSource, access, cases, keyRing, vaults, audit, realtime } = caseServiceFakes(
    store,
    kase,
    Buffer.alloc(32, 1),
  );
  const service = new EscalationsService(
    dataSource,
    access,
    store as unknown as EscalationsRepository,
    cases,
    keyRing,
    vaults,
    audit,
    realtime,
    {} as RedactionOverlay,
  );
  return { kase, store, keyRing, audit, realtime, service };
}

describe('EscalationsService', () => {
  it('escalates from the owning team with a pseudonymized note and tells the receiving team', async () => {
    const { kase, store, realtime, audit, service } = setup();
    await expect(
      service.create(sender, kase.id, { toTeamId: 'team-2', note: 'Diploma uit Suriname' }),
    ).resolves.toEqual({
      id: ESCALATION_ID,
    });
    expect(store.inserted).toEqual([
      {
        caseId: kase.id,
        fromTeamId: 'team-1',
        toTeamId: 'team-2',
        fromUserId: 'agent-1',
        notePseudo: 'pseudo:Diploma uit Suriname',
      },
    ]);
    expect(audit.entries).toMatchObject([{ action: AuditAction.EscalationCreated, objectId: ESCALATION_ID }]);
    expect(realtime.events).toMatchObject([{ rooms: ['team:team-2'], event: 'escalation.updated' }]);
  });

  it('refuses escalating to the owning team itself or to a team that does not exist', async () => {
    const { kase, store, service } = setup();
    expect(await failureOf(service.create(sender, kase.id, { toTeamId: 'team-1', note: 'x' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'Escalate to another team than the one that owns the case',
    });
    expect(await failureOf(service.create(sender, kase.id, { toTeamId: 'team-9', note: 'x' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'toTeamId does not name an existing team',
    });
    expect(store.inserted).toEqual([]);
  });

  it('lets only the receiving team answer; to any other team, including the sender, the escalation does not exist', async () => {
    const { store, realtime, service } = setup();
    const notFound = { code: 'NOT_FOUND', status: 404, message: 'Escalation was not found' };
    expect(await failureOf(service.answer(sender, ESCALATION_ID, { text: 'x' }))).toEqual(notFound);
    expect(await failureOf(service.answer(bystander, ESCALATION_ID, { text: 'x' }))).toEqual(notFound);
    expect(await failureOf(service.answer(receiver, 'not-a-uuid', { text: 'x' }))).toEqual(notFound);
    await expect(service.answer(receiver, ESCALATION_ID, { text: 'Ja, dat kan' })).resolves.toEqual({
      id: ESCALATION_ID,
      status: 'answered',
    });
    expect(store.escalations.get(ESCALATION_ID)).toMatchObject({
      status: 'answered',
      answer: 'pseudo:Ja, dat kan',
    });
    expect(realtime.events).toMatchObject([{ rooms: ['team:team-1'], event: 'escalation.updated' }]);
  });

  it('answers 410 when the case was deleted meanwhile', async () => {
    const { keyRing, service } = setup();
    keyRing.keys.clear();
    expect((await failureOf(service.answer(receiver, ESCALATION_ID, { text: 'x' }))).status).toBe(410);
  });

  it('takes a case over only with the person’s consent for the receiving team, and only once', async () => {
    const { kase, store, audit, service } = setup();
    expect(await failureOf(service.takeOver(receiver, ESCALATION_ID))).toEqual({
      code: 'FORBIDDEN',
      status: 403,
      message: 'The person has not consented to this team handling their case',
    });
    expect(kase.teamId).toBe('team-1');

    store.consents.add(`${kase.id}/team-2`);
    await expect(service.takeOver(receiver, ESCALATION_ID)).resolves.toEqual({
      id: ESCALATION_ID,
      status: 'taken_over',
    });
    expect(kase).toMatchObject({ teamId: 'team-2', assigneeId: null });
    expect(audit.entries).toMatchObject([{ action: AuditAction.OriginalRevealed, objectId: kase.id }]);

    expect(await failureOf(service.takeOver(receiver, ESCALATION_ID))).toEqual({
      code: 'CONFLICT',
      status: 409,
      message: 'This escalation was already taken over',
    });
  });
});

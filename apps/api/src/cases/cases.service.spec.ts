import { aad, encrypt, KeyRing } from '@webcare/platform';
import { AuditAction, AuditService } from '@webcare/domain';
import { failureOf, FakeAudit, fakeDataSource } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { RedactionOverlay } from '../redactions/redaction-overlay.service';
import { RedactionsRepository } from '../redactions/redactions.repository';
import { CaseAccessService } from './case-access.service';
import { CaseListFilter, CaseListRow, CasesRepository } from './cases.repository';
import { CasesService } from './cases.service';

const KEY = Buffer.alloc(32, 5);

function row(n: number, text: string): CaseListRow {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const messageId = `00000000-0000-4000-9000-${String(n).padStart(12, '0')}`;
  return {
    id,
    channel: 'whatsapp',
    status: 'open',
    team_id: 'team-1',
    assignee_id: null,
    last_message_at: new Date(Date.UTC(2026, 0, 1, 12, 0, 60 - n)),
    data_key_id: `key-${n}`,
    message_id: messageId,
    text_enc: encrypt(KEY, text, aad.message(messageId)),
    text_pseudo: `[PERSON_1]: ${text}`,
  };
}

/** The team's queue, newest first; records the filters it was asked for. */
class FakeQueue {
  rows: CaseListRow[] = [];
  readonly filters: CaseListFilter[] = [];
  async listPage(filter: CaseListFilter): Promise<CaseListRow[]> {
    this.filters.push(filter);
    return this.rows.slice(0, filter.limit);
  }
}

function setup() {
  const queue = new FakeQueue();
  const audit = new FakeAudit();
  const keyRing = {
    loadDataKeys: async (ids: string[]) => new Map(ids.map((id) => [id, KEY])),
  } as unknown as KeyRing;
  const overlay = {
    forCases: async () => (_caseId: string, text: string) => text,
  } as unknown as RedactionOverlay;
  const service = new CasesService(
    fakeDataSource(),
    queue as unknown as CasesRepository,
    keyRing,
    audit as unknown as AuditService,
    {} as CaseAccessService,
    overlay,
    {} as RedactionsRepository,
  );
  return { queue, audit, service };
}

const agent: AuthUser = { id: 'agent-1', role: 'agent', teamId: 'team-1' };
const lead: AuthUser = { id: 'lead-1', role: 'team_lead', teamId: 'team-1' };

describe('CasesService.list', () => {
  it('shows no queue to users without a team or to roles that see no content, without asking the database', async () => {
    const { queue, service } = setup();
    for (const user of [
      { id: 'a', role: 'admin', teamId: null },
      { id: 'm', role: 'manager', teamId: 'team-1' },
    ] as AuthUser[]) {
      await expect(service.list(user, {})).resolves.toEqual({ items: [], nextCursor: null });
    }
    expect(queue.filters).toEqual([]);
  });

  it('gives agents decrypted previews of their own team’s queue and audits that original access', async () => {
    const { queue, audit, service } = setup();
    queue.rows = [row(1, 'Wanneer is de open dag?'), row(2, 'x'.repeat(200))];
    const page = await service.list(agent, { status: 'open' });
    expect(queue.filters).toEqual([{ teamId: 'team-1', status: 'open', cursor: null, limit: 51 }]);
    expect(page.items.map((i) => i.preview)).toEqual(['Wanneer is de open dag?', `${'x'.repeat(139)}…`]);
    expect(audit.entries).toEqual([
      { actorId: 'agent-1', action: AuditAction.CaseListOriginal, objectType: 'team', objectId: 'team-1' },
    ]);
  });

  it('gives the team lead pseudonymized previews, unaudited', async () => {
    const { queue, audit, service } = setup();
    queue.rows = [row(1, 'Ik ben Jan')];
    expect((await service.list(lead, {})).items[0].preview).toBe('[PERSON_1]: Ik ben Jan');
    expect(queue.filters[0].status).toBeNull();
    expect(audit.entries).toEqual([]);
  });

  it('pages by cursor: a next cursor only when there is more, and it leads to the rows after the last one', async () => {
    const { queue, service } = setup();
    queue.rows = [row(1, 'a'), row(2, 'b'), row(3, 'c')];
    const first = await service.list(lead, { limit: 2 });
    expect(first.items.map((i) => i.id)).toEqual([queue.rows[0].id, queue.rows[1].id]);
    expect(first.nextCursor).not.toBeNull();
    await service.list(lead, { limit: 2, cursor: first.nextCursor! });
    expect(queue.filters[1].cursor).toEqual({
      at: queue.rows[1].last_message_at.toISOString(),
      id: queue.rows[1].id,
    });
    queue.rows = [row(1, 'a')];
    expect((await service.list(lead, { limit: 2 })).nextCursor).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const { service } = setup();
    expect(await failureOf(service.list(lead, { cursor: 'bm90IGEgY3Vyc29y' }))).toEqual({
      code: 'VALIDATION_FAILED',
      status: 400,
      message: 'cursor is not valid',
    });
  });
});

import { AppConfig, CaseEntity, aad, encrypt, OutboxRelay } from '@webcare/platform';
import { ChannelAccountsService, NOTICE_VERSION, RetentionPolicyService } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { caseServiceFakes, failureOf, fakeCase } from '../../../../test/support/service-fakes';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessFactsRow } from '../cases/cases.repository';
import { InboundTextRow, NewOutboundMessage, RepliesRepository } from './replies.repository';
import { RepliesService } from './replies.service';
import { ReplyFormService } from './reply-form.service';
import { CommentTargetRow, ReplyTargetRepository } from './reply-target.repository';

const HOUR_MS = 3_600_000;
const KEY = Buffer.alloc(32, 3);

/** One case with its inbound messages; records what the reply path writes. */
class FakeStore {
  lastInboundAt: Date | null = new Date(Date.now() - HOUR_MS);
  inbound: string[] = ['Wanneer is de open dag?'];
  /** The unique index on private replies refuses the insert (a concurrent reply won). */
  privateReplyTaken = false;
  readonly notices: { version: string; period: string }[] = [];
  readonly inserted: NewOutboundMessage[] = [];

  constructor(readonly kase: CaseEntity) {}

  // CasesRepository
  async accessFacts(): Promise<CaseAccessFactsRow> {
    return { escalated: false, consent: false };
  }
  async findById(_m: EntityManager, caseId: string): Promise<CaseEntity | null> {
    return caseId === this.kase.id ? this.kase : null;
  }
  async recordNotice(_m: EntityManager, _caseId: string, version: string, period: string): Promise<void> {
    this.notices.push({ version, period });
  }

  // RepliesRepository
  async recentInbound(): Promise<InboundTextRow[]> {
    return this.inbound.map((text, i) => {
      const id = `inbound-${i}`;
      return { id, text_enc: encrypt(KEY, text, aad.message(id)), entities: [] };
    });
  }
  async insertQueued(_m: EntityManager, msg: NewOutboundMessage): Promise<boolean> {
    this.inserted.push(msg);
    return !this.privateReplyTaken;
  }
}

/** ReplyTargetRepository's shape over the store. */
function targetsOf(store: FakeStore): ReplyTargetRepository {
  return {
    lastInboundAt: async () => store.lastInboundAt,
    latestComment: async (): Promise<CommentTargetRow | null> => ({
      id: 'comment-1',
      sent_at: store.lastInboundAt ?? new Date(),
      answered: false,
    }),
  } as ReplyTargetRepository;
}

const agent: AuthUser = { id: 'agent-1', role: 'agent', teamId: 'team-1' };

function setup(fields: Partial<CaseEntity> = {}) {
  const store = new FakeStore(fakeCase({ teamId: 'team-1', ...fields }));
  const { dataSource, access, cases, keyRing, vaults, audit, realtime } = caseServiceFakes(
    store,
    store.kase,
    KEY,
  );
  const targets = targetsOf(store);
  const accounts = { byId: async () => null } as unknown as ChannelAccountsService;
  const service = new RepliesService(
    dataSource,
    access,
    cases,
    store as unknown as RepliesRepository,
    targets,
    keyRing,
    vaults,
    { periodFor: async () => 'P1Y' } as unknown as RetentionPolicyService,
    audit,
    { kick: () => undefined } as unknown as OutboxRelay,
    realtime,
    new ReplyFormService(accounts, targets),
    { privacyStatementUrl: 'https://school.example/privacy' } as AppConfig,
  );
  return { store, keyRing, service };
}

describe('RepliesService', () => {
  it('refuses an empty draft before anything is stored', async () => {
    const { store, service } = setup();
    expect(await failureOf(service.queue(agent, store.kase.id, { text: '   ' }))).toEqual({
      code: 'EMPTY_REPLY',
      status: 400,
      message: 'Write a reply before sending',
    });
    expect(store.inserted).toEqual([]);
  });

  it('refuses a draft that asks for a BSN over WhatsApp (422), and the dry run shows the same refusal', async () => {
    const { store, service } = setup();
    const draft = { text: 'Stuur ons je burgerservicenummer.' };
    const failure = await failureOf(service.queue(agent, store.kase.id, draft));
    expect(failure).toMatchObject({ code: 'ASKS_FOR_BSN', status: 422 });
    expect((await service.check(agent, store.kase.id, draft)).refusal).toEqual({
      code: 'ASKS_FOR_BSN',
      message: failure.message,
    });
    expect(store.inserted).toEqual([]);
  });

  it('refuses a free-form WhatsApp reply after the 24-hour window (422 WINDOW_CLOSED)', async () => {
    const { store, service } = setup();
    store.lastInboundAt = new Date(Date.now() - 25 * HOUR_MS);
    const failure = await failureOf(service.queue(agent, store.kase.id, { text: 'Graag gedaan!' }));
    expect(failure).toMatchObject({ code: 'WINDOW_CLOSED', status: 422 });
    expect(failure.message).toContain(new Date(store.lastInboundAt.getTime() + 24 * HOUR_MS).toISOString());
    expect(store.inserted).toEqual([]);
  });

  it('applies the platform reply rules: Messenger replies after its window are refused', async () => {
    const { store, service } = setup({ channel: 'facebook' });
    store.lastInboundAt = new Date(Date.now() - 25 * HOUR_MS);
    expect(await failureOf(service.queue(agent, store.kase.id, { text: 'Graag gedaan!' }))).toMatchObject({
      code: 'WINDOW_CLOSED',
      status: 422,
    });
  });

  it('answers 409 PRIVATE_REPLY_USED when a concurrent private reply to the comment won the race', async () => {
    const { store, service } = setup({ channel: 'facebook', threadHash: Buffer.from('post') });
    store.privateReplyTaken = true;
    expect(
      await failureOf(
        service.queue(agent, store.kase.id, { text: 'Ik stuur je een bericht', visibility: 'private' }),
      ),
    ).toEqual({
      code: 'PRIVATE_REPLY_USED',
      status: 409,
      message: 'This comment already has its private reply',
    });
    expect(store.inserted).toMatchObject([{ visibility: 'private', replyToMessageId: 'comment-1' }]);
  });

  it('adds the privacy notice to the first reply and records its version and period on the case', async () => {
    const { store, service } = setup({ channel: 'facebook', threadHash: Buffer.from('post') });
    store.privateReplyTaken = true; // stops the path right after the insert
    await failureOf(service.queue(agent, store.kase.id, { text: 'Graag gedaan!', visibility: 'private' }));
    expect(store.notices).toEqual([{ version: NOTICE_VERSION, period: 'P1Y' }]);
    expect(store.inserted[0].textPseudo).toContain('https://school.example/privacy');
    expect(store.inserted[0].textEnc.toString('utf8')).not.toContain('Graag gedaan!');
  });

  it('answers 410 when the case key was shredded', async () => {
    const { store, keyRing, service } = setup();
    keyRing.keys.clear();
    expect(await failureOf(service.queue(agent, store.kase.id, { text: 'Hallo' }))).toEqual({
      code: 'CASE_DELETED',
      status: 410,
      message: 'This conversation has been deleted',
    });
  });
});

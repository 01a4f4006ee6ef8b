import { ChannelAccountEntity, DomainError, KeyRing } from '@webcare/platform';
import {
  AuditService,
  ChannelAccountRow,
  ChannelAccountsRepository,
  ChannelAccountsService,
  SealedChannelAccount,
  SealedSecrets,
} from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { ChannelAccountsAdminService } from './channel-accounts-admin.service';

const admin: AuthUser = { id: 'u-admin', role: 'admin', teamId: null };
const TEAM = 't-admissions';
const seal = (v: string) => Buffer.from(`sealed:${v}`);
const open = (b: Buffer | null) => b?.toString().replace(/^sealed:/, '') ?? null;

/** channel_accounts in memory, with the statements' semantics (unique channel + external id). */
class FakeAccounts implements Partial<ChannelAccountsRepository> {
  rows: ChannelAccountEntity[] = [];

  listed = async () => this.rows.map(listedRow);
  listedOne = async (id: string) => {
    const row = this.rows.find((r) => r.id === id);
    return row ? listedRow(row) : null;
  };
  teamExists = async (id: string) => id === TEAM;
  insertNew = async (_m: EntityManager, a: SealedChannelAccount) => {
    if (this.rows.some((r) => r.channel === a.channel && r.externalId === a.externalId)) return null;
    const id = `acc-${this.rows.length + 1}`;
    this.rows.push({ ...a, id, retentionPeriod: null, settings: {}, createdAt: new Date() });
    return id;
  };
  replaceSecrets = async (_m: EntityManager, id: string, s: SealedSecrets) => {
    const row = this.rows.find((r) => r.id === id);
    if (!row) return false;
    row.appSecretEnc = s.appSecretEnc ?? row.appSecretEnc;
    row.verifyTokenEnc = s.verifyTokenEnc ?? row.verifyTokenEnc;
    row.accessTokenEnc = s.accessTokenEnc ?? row.accessTokenEnc;
    return true;
  };
  mergeSettings = async (_m: EntityManager, id: string, changes: object) => {
    const row = this.rows.find((r) => r.id === id);
    if (row) row.settings = { ...row.settings, ...changes };
    return Boolean(row);
  };
}

/** What the listing statement selects: no secret columns. */
function listedRow(r: ChannelAccountEntity): ChannelAccountRow {
  const { id, channel, externalId, name, teamId, retentionPeriod, allowlist, settings } = r;
  return { id, channel, externalId, name, teamId, retentionPeriod, allowlist, settings };
}

function setup() {
  const repo = new FakeAccounts();
  const audit = { record: jest.fn(async (_m: EntityManager, _entry: object) => undefined) };
  const accounts = { invalidate: jest.fn() };
  const dataSource = { transaction: (fn: (m: EntityManager) => unknown) => fn({} as EntityManager) };
  const service = new ChannelAccountsAdminService(
    dataSource as unknown as DataSource,
    repo as unknown as ChannelAccountsRepository,
    accounts as unknown as ChannelAccountsService,
    { sealSecret: seal } as unknown as KeyRing,
    audit as unknown as AuditService,
  );
  return { service, repo, audit, accounts };
}

const whatsapp = {
  channel: 'whatsapp' as const,
  externalId: ' 1001 ',
  name: 'Admissions WhatsApp',
  teamId: TEAM,
  appSecret: 'app-secret-1',
  verifyToken: 'verify-1',
  accessToken: 'access-token-1',
};

const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: DomainError) => `${e.status} ${e.code}: ${e.message}`,
  );

describe('ChannelAccountsAdminService', () => {
  it('creates an account once; creating it again never overwrites its secrets', async () => {
    const t = setup();
    const created = await t.service.create(admin, whatsapp);
    expect(created).toMatchObject({ externalId: '1001', teamId: TEAM });
    expect(JSON.stringify(created)).not.toContain('secret');
    await expect(
      failure(t.service.create(admin, { ...whatsapp, appSecret: 'attacker-secret' })),
    ).resolves.toBe('409 CONFLICT: This account is already connected; rotate its secrets with PUT …/secrets');
    expect(open(t.repo.rows[0].appSecretEnc)).toBe('app-secret-1');
    expect(t.audit.record).toHaveBeenCalledTimes(1);
  });

  it('refuses an unknown team and a Meta account without a verify token', async () => {
    const t = setup();
    await expect(failure(t.service.create(admin, { ...whatsapp, teamId: 't-gone' }))).resolves.toMatch(
      /^400 VALIDATION_FAILED/,
    );
    await expect(failure(t.service.create(admin, { ...whatsapp, verifyToken: undefined }))).resolves.toMatch(
      /^400 VALIDATION_FAILED: verifyToken is required/,
    );
    expect(t.repo.rows).toHaveLength(0);
  });

  it('rotates only the named secrets and audits which ones, never their values', async () => {
    const t = setup();
    const { id } = await t.service.create(admin, whatsapp);
    t.accounts.invalidate.mockClear();
    await t.service.rotateSecrets(admin, id, { accessToken: 'access-token-2', appSecret: 'app-secret-2' });
    const row = t.repo.rows[0];
    expect([open(row.appSecretEnc), open(row.verifyTokenEnc), open(row.accessTokenEnc)]).toEqual([
      'app-secret-2',
      'verify-1',
      'access-token-2',
    ]);
    const entry = t.audit.record.mock.calls.at(-1)![1];
    expect(entry).toMatchObject({
      action: 'channel_account.secrets_rotated',
      objectId: id,
      detail: 'appSecret,accessToken',
    });
    expect(JSON.stringify(entry)).not.toContain('secret-2');
    expect(t.accounts.invalidate).toHaveBeenCalledTimes(1);
  });

  it('refuses a rotation that names nothing, or an account that does not exist, and audits neither', async () => {
    const t = setup();
    await expect(failure(t.service.rotateSecrets(admin, 'acc-1', {}))).resolves.toBe(
      '400 VALIDATION_FAILED: Name at least one of appSecret, verifyToken, accessToken',
    );
    await expect(
      failure(t.service.rotateSecrets(admin, 'acc-9', { appSecret: 'app-secret-2' })),
    ).resolves.toBe('404 NOT_FOUND: The channel account was not found');
    await expect(failure(t.service.updateSettings(admin, 'acc-9', { humanAgentTag: true }))).resolves.toBe(
      '404 CHANNEL_ACCOUNT_NOT_FOUND: No such channel account',
    );
    expect(t.audit.record).not.toHaveBeenCalled();
    expect(t.accounts.invalidate).not.toHaveBeenCalled();
  });
});

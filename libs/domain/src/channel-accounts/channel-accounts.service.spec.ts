import { AppConfig, KeyRing } from '@webcare/platform';
import { ChannelAccountsRepository } from './channel-accounts.repository';
import { ChannelAccountsService } from './channel-accounts.service';

/** A table of channel accounts that answers when told to, counting the loads it serves. */
function accountsTable() {
  const rows = [{ id: 'a1', channel: 'whatsapp', externalId: '1001', teamId: 't1', appSecretEnc: 's1' }];
  const pending: (() => void)[] = [];
  let loads = 0;
  const repository = {
    all: () => {
      loads++;
      const snapshot = rows.map((r) => ({ ...r, accessTokenEnc: 'x', verifyTokenEnc: null, allowlist: {} }));
      return new Promise((resolve) => pending.push(() => resolve(snapshot)));
    },
  };
  const service = new ChannelAccountsService(
    repository as unknown as ChannelAccountsRepository,
    { openSecret: (sealed: string) => `open:${sealed}` } as unknown as KeyRing,
    {} as AppConfig,
  );
  const answerAll = async () => {
    while (pending.length) pending.shift()!();
    await new Promise((r) => setImmediate(r));
  };
  return { service, rows, answerAll, loads: () => loads };
}

describe('ChannelAccountsService cache', () => {
  afterEach(() => jest.useRealTimers());

  it('serves a burst of cold lookups from one load', async () => {
    const t = accountsTable();
    const lookups = Array.from({ length: 100 }, () => t.service.ofChannel('whatsapp'));
    await t.answerAll();
    const results = await Promise.all(lookups);
    expect(t.loads()).toBe(1);
    expect(results.every((r) => r.length === 1 && r[0].appSecret === 'open:s1')).toBe(true);
  });

  it('keeps answering from an expired cache while one refresh runs, then serves the refresh', async () => {
    jest.useFakeTimers({ doNotFake: ['setImmediate'] });
    const t = accountsTable();
    const first = t.service.ofChannel('whatsapp');
    await t.answerAll();
    await first;
    t.rows[0].appSecretEnc = 's2';
    jest.advanceTimersByTime(6000);

    const during = await Promise.all(Array.from({ length: 50 }, () => t.service.ofChannel('whatsapp')));
    expect(during.every((r) => r[0].appSecret === 'open:s1')).toBe(true);
    expect(t.loads()).toBe(2);

    await t.answerAll();
    expect((await t.service.ofChannel('whatsapp'))[0].appSecret).toBe('open:s2');
    expect(t.loads()).toBe(2);
  });

  it('does not let a load begun before invalidate() overwrite what comes after it', async () => {
    const t = accountsTable();
    const stale = t.service.ofChannel('whatsapp');
    t.rows[0].appSecretEnc = 's2';
    t.service.invalidate();
    const fresh = t.service.ofChannel('whatsapp');
    await t.answerAll();
    expect((await stale)[0].appSecret).toBe('open:s1');
    expect((await fresh)[0].appSecret).toBe('open:s2');
    expect((await t.service.ofChannel('whatsapp'))[0].appSecret).toBe('open:s2');
    expect(t.loads()).toBe(2);
  });
});

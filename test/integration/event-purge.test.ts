import { Logger } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  aad,
  createDataSource,
  KeyRing,
  KeyStore,
  loadConfig,
  RealtimeEmitter,
  runMigrations,
} from '../../libs/platform/src';
import { createDatabase, dropDatabase, ownDatabase } from '../support/databases';
import { retentionParts } from '../support/retention';

jest.setTimeout(60_000);

/**
 * Webhook events do not outlive their purpose: the sweep deletes those that settled without a
 * message once retries are over, and an erasure deletes the person's events still waiting.
 */
describe('webhook events in retention and erasure', () => {
  const { name: dbName, url, adminUrl } = ownDatabase('purge');
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: url.toString(),
    REDIS_URL: process.env.TEST_REDIS_URL,
    REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-purge`,
    DATA_KEY: randomBytes(32).toString('base64'),
  });
  let ds: DataSource;
  let redis: Redis;
  let realtime: RealtimeEmitter;
  let keyStore: KeyStore;
  let accountId: string;
  let teamId: string;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await createDatabase(adminUrl, dbName);
    await runMigrations(url.toString());
    ds = createDataSource(url.toString());
    await ds.initialize();
    redis = new Redis(config.redisUrl);
    realtime = new RealtimeEmitter(config);
    keyStore = new KeyStore(config);
    [{ id: teamId }] = await ds.query(`INSERT INTO teams (name) VALUES ('Admissions') RETURNING id`);
    [{ id: accountId }] = await ds.query(
      `INSERT INTO channel_accounts (channel, external_id, name, team_id, app_secret_enc, access_token_enc)
       VALUES ('whatsapp', '123', 'wa', $1, '\\x00', '\\x00') RETURNING id`,
      [teamId],
    );
  });

  const parts = () => retentionParts({ ds, keyRing: new KeyRing(config, keyStore), realtime, redis, config });

  afterAll(async () => {
    await ds?.destroy();
    await keyStore?.onApplicationShutdown();
    realtime?.onApplicationShutdown();
    redis?.disconnect();
    await dropDatabase(adminUrl, dbName);
  });

  it('keeps events still retried, unprocessed or behind a message; deletes the rest', async () => {
    const event = async (kind: string, received: string, processed: string | null) => {
      const hash = randomBytes(32);
      await ds.query(
        `INSERT INTO inbound_events (channel_account_id, external_hash, kind, received_at, processed_at)
         VALUES ($1, $2, $3, now() - $4::interval, now() - $5::interval)`,
        [accountId, hash, kind, received, processed],
      );
      return hash;
    };
    const oldStatus = await event('status', '8 days', '8 days');
    const recentStatus = await event('status', '1 hour', '1 hour');
    const unprocessed = await event('message', '8 days', null);
    const filed = await event('message', '8 days', '8 days');
    const [{ id: contactId }] = await ds.query(
      `INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc)
       VALUES ('whatsapp', $1, $2, gen_random_uuid(), '\\x00') RETURNING id`,
      [accountId, randomBytes(32)],
    );
    const [{ id: caseId }] = await ds.query(
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at, last_message_at)
       VALUES ('whatsapp', $1, $2, $3, 'open', gen_random_uuid(), now(), now()) RETURNING id`,
      [accountId, contactId, teamId],
    );
    await ds.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, text_enc, text_pseudo, sent_at)
       VALUES ($1, $2, 'in', $3, '\\x00', 'vraag', now())`,
      [caseId, accountId, filed],
    );

    expect((await parts().sweeper.sweep()).purgedEvents).toBe(1);
    const left = (await ds.query(`SELECT external_hash FROM inbound_events`)) as { external_hash: Buffer }[];
    const has = (h: Buffer) => left.some((r) => r.external_hash.equals(h));
    expect([has(oldStatus), has(recentStatus), has(unprocessed), has(filed)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it("erasure deletes the person's events that are still waiting to be filed, and only theirs", async () => {
    const keyRing = new KeyRing(config, keyStore);
    const waiting = async (sender: string) => {
      const hash = randomBytes(32);
      const payload = {
        kind: 'message',
        channel: 'whatsapp',
        senderExternalId: sender,
        text: 'Nog niet verwerkt',
      };
      await ds.query(
        `INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc) VALUES ($1, $2, 'message', $3)`,
        [accountId, hash, keyRing.sealStaging(JSON.stringify(payload), aad.stagedEvent(accountId, hash))],
      );
      return hash;
    };
    const theirs = await waiting('31612345678');
    const someoneElse = await waiting('31687654321');
    const officer = { id: randomUUID(), role: 'privacy_officer' as const, teamId: null };
    const result = await parts().erasure.erase(officer, 'whatsapp', '+31 6 1234 5678');
    expect(result).toMatchObject({ deleted: 0, held: 0, queued: 1 });
    const left = (await ds.query(`SELECT external_hash FROM inbound_events WHERE processed_at IS NULL`)) as {
      external_hash: Buffer;
    }[];
    expect(left.some((r) => r.external_hash.equals(theirs))).toBe(false);
    expect(left.some((r) => r.external_hash.equals(someoneElse))).toBe(true);
  });
});

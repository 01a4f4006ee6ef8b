import { Logger } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  createDataSource,
  KeyRing,
  KeyStore,
  loadConfig,
  RealtimeEmitter,
  runMigrations,
} from '../../libs/platform/src';
import { AuditService } from '../../libs/domain/src';
import { createDatabase, dropDatabase, ownDatabase } from './databases';

/**
 * Shared set-up of the integration files that build domain services themselves: their own migrated
 * database beside the run's (so what they rewrite disturbs no other file), a fresh data key, the
 * data source, key store and ring, the audit service and, unless `redis: false`, Redis and the
 * realtime emitter under the prefix `<run's>-<tag>`. Registers the file's beforeAll/afterAll (call it
 * inside the describe); the services are set once beforeAll ran.
 */
export function domainHarness(tag: string, opts: { redis?: boolean } = {}) {
  const withRedis = opts.redis ?? true;
  const db = ownDatabase(tag);
  const config: AppConfig = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: db.url.toString(),
    ...(withRedis && {
      REDIS_URL: process.env.TEST_REDIS_URL,
      REDIS_PREFIX: `${process.env.TEST_REDIS_PREFIX}-${tag}`,
    }),
    DATA_KEY: randomBytes(32).toString('base64'),
  });
  const h = {
    /** The file's database: name, URL and the server's admin URL. */
    db,
    config,
    ds: undefined as unknown as DataSource,
    keyStore: undefined as unknown as KeyStore,
    keyRing: undefined as unknown as KeyRing,
    audit: undefined as unknown as AuditService,
    redis: undefined as unknown as Redis,
    realtime: undefined as unknown as RealtimeEmitter,
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    await createDatabase(db.adminUrl, db.name);
    await runMigrations(config.databaseUrl);
    h.ds = createDataSource(config.databaseUrl);
    await h.ds.initialize();
    h.keyStore = new KeyStore(config);
    h.keyRing = new KeyRing(config, h.keyStore);
    h.audit = new AuditService(h.ds, config);
    if (withRedis) {
      h.redis = new Redis(config.redisUrl);
      h.realtime = new RealtimeEmitter(config);
    }
  });

  afterAll(async () => {
    await h.ds?.destroy();
    await h.keyStore?.onApplicationShutdown();
    h.realtime?.onApplicationShutdown();
    h.redis?.disconnect();
    await dropDatabase(db.adminUrl, db.name);
  });

  return h;
}

/** The team "Admissions" and a WhatsApp account of it, without real secrets. */
export async function insertWhatsAppAccount(ds: DataSource): Promise<{ teamId: string; accountId: string }> {
  const [{ id: teamId }] = await ds.query(`INSERT INTO teams (name) VALUES ('Admissions') RETURNING id`);
  const [{ id: accountId }] = await ds.query(
    `INSERT INTO channel_accounts (channel, external_id, name, team_id, app_secret_enc, access_token_enc)
     VALUES ('whatsapp', '123', 'wa', $1, '\\x00', '\\x00') RETURNING id`,
    [teamId],
  );
  return { teamId, accountId };
}

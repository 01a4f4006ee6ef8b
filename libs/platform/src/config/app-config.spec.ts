import { ConfigError, defaultKeysDatabaseUrl, loadConfig, parseIsoDuration } from './app-config';

const key = Buffer.alloc(32, 1).toString('base64');

describe('loadConfig', () => {
  it('applies the contract defaults', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect(c).toMatchObject({
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/webcare',
      redisUrl: 'redis://127.0.0.1:6379',
      port: 3000,
      bootstrapTeam: 'Admissions',
      graphApiBaseUrl: 'https://graph.facebook.com/v21.0',
      linkedinApiBaseUrl: 'https://api.linkedin.com',
      retentionSweepEveryMs: 15 * 60_000,
      reportMinCell: 10,
      channels: [],
    });
  });

  it('reads the tuning variables for worker and sweep', () => {
    expect(loadConfig({ NODE_ENV: 'test' })).toMatchObject({
      workerConcurrency: 2,
      workerNice: 10,
      retentionBatchSize: 250,
      retentionRestRatio: 2,
    });
    expect(
      loadConfig({
        NODE_ENV: 'test',
        WORKER_NICE: '0',
        RETENTION_BATCH_SIZE: '100',
        RETENTION_REST_RATIO: '1.5',
      }),
    ).toMatchObject({ workerNice: 0, retentionBatchSize: 100, retentionRestRatio: 1.5 });
    expect(() => loadConfig({ NODE_ENV: 'test', RETENTION_REST_RATIO: '-1' })).toThrow(
      /RETENTION_REST_RATIO/,
    );
    expect(() => loadConfig({ NODE_ENV: 'test', WORKER_NICE: '20' })).toThrow(/WORKER_NICE/);
  });

  it('names every invalid variable on its own line', () => {
    try {
      loadConfig({
        PORT: 'abc',
        DATA_KEY: 'short',
        RETENTION_SWEEP_EVERY: '15 minutes',
        REDIS_URL: 'http://x',
      });
      throw new Error('expected a ConfigError');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const lines = (err as ConfigError).problems.join('\n');
      for (const name of ['PORT', 'DATA_KEY', 'RETENTION_SWEEP_EVERY', 'REDIS_URL']) {
        expect(lines).toContain(name);
      }
      expect(lines).toContain('PORT: must be a whole number from 1 to 65535');
    }
  });

  it('requires secrets in production and complete channel groups', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/APP_SECRET.*\n.*DATA_KEY|DATA_KEY/);
    expect(() =>
      loadConfig({
        NODE_ENV: 'production',
        APP_SECRET: 'x'.repeat(32),
        DATA_KEY: key,
        WHATSAPP_PHONE_NUMBER_ID: '1',
      }),
    ).toThrow(/WHATSAPP_APP_SECRET/);
  });

  it('bootstraps channel accounts from complete groups', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      APP_SECRET: 'x'.repeat(32),
      DATA_KEY: key,
      LINKEDIN_ORGANIZATION_URN: 'urn:li:organization:1',
      LINKEDIN_CLIENT_SECRET: 's',
      LINKEDIN_ACCESS_TOKEN: 't',
    });
    expect(c.channels).toEqual([
      {
        channel: 'linkedin',
        externalId: 'urn:li:organization:1',
        appSecret: 's',
        verifyToken: null,
        accessToken: 't',
      },
    ]);
    expect(c.dataKey.equals(Buffer.alloc(32, 1))).toBe(true);
  });
});

describe('parseIsoDuration', () => {
  it('parses contract examples and rejects nonsense', () => {
    expect(parseIsoDuration('P30D')).toBe(30 * 86_400_000);
    expect(parseIsoDuration('PT5S')).toBe(5000);
    expect(parseIsoDuration('PT0S')).toBeNull();
    expect(parseIsoDuration('30 days')).toBeNull();
  });
});

describe('key store and least-privilege settings', () => {
  it('puts the key store beside the main database and migrates as DATABASE_URL unless told', () => {
    const c = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://app:pw@db.internal:5432/webcare' });
    expect(c.keysDatabaseUrl).toBe('postgres://app:pw@db.internal:5432/webcare_keys');
    expect(c.migrationDatabaseUrl).toBe('postgres://app:pw@db.internal:5432/webcare');
    expect(defaultKeysDatabaseUrl('postgres://127.0.0.1')).toBe('postgres://127.0.0.1/webcare_keys');
    const own = loadConfig({
      NODE_ENV: 'test',
      KEYS_DATABASE_URL: 'postgres://keys@vault:5432/k',
      MIGRATION_DATABASE_URL: 'postgres://owner@db:5432/webcare',
    });
    expect([own.keysDatabaseUrl, own.migrationDatabaseUrl]).toEqual([
      'postgres://keys@vault:5432/k',
      'postgres://owner@db:5432/webcare',
    ]);
    expect(() => loadConfig({ NODE_ENV: 'test', KEYS_DATABASE_URL: 'mysql://x' })).toThrow(ConfigError);
  });

  it('has the documented session, rate-limit and HTTP defaults', () => {
    const c = loadConfig({ NODE_ENV: 'test' });
    expect([c.accessTokenTtlMs, c.apiRateLimit, c.apiStrictRateLimit]).toEqual([12 * 3_600_000, 300, 20]);
    expect([c.httpRequestTimeoutMs, c.httpMaxConnections]).toEqual([30_000, 4096]);
  });
});

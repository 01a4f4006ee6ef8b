import { Duration } from 'luxon';
import { z } from 'zod';

/** Parses an ISO-8601 duration into milliseconds; rejects zero and negative durations. */
export function parseIsoDuration(value: string): number | null {
  const d = Duration.fromISO(value);
  if (!d.isValid) return null;
  const ms = d.as('milliseconds');
  return ms > 0 ? ms : null;
}

const isoDuration = z.string().refine((v) => parseIsoDuration(v) !== null, {
  message: 'must be an ISO-8601 duration such as PT15M or P30D',
});

const optional = z
  .string()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

const dataKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32 && /^[A-Za-z0-9+/=]+$/.test(v), {
    message: 'must be base64 of exactly 32 bytes (generate with: openssl rand -base64 32)',
  });

const url = (protocols: string[]) =>
  z.string().refine(
    (v) => {
      try {
        return protocols.includes(new URL(v).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a ${protocols.join(' or ')} URL` },
  );

const wholeNumber = (min: number, max: number) =>
  z
    .string()
    .refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, {
      message: `must be a whole number from ${min} to ${max}`,
    })
    .transform(Number);

const schema = z
  .object({
    NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
    DATABASE_URL: url(['postgres:', 'postgresql:']).default('postgres://postgres@127.0.0.1:5432/webcare'),
    KEYS_DATABASE_URL: optional.pipe(url(['postgres:', 'postgresql:']).optional()),
    MIGRATION_DATABASE_URL: optional.pipe(url(['postgres:', 'postgresql:']).optional()),
    REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
    PORT: wholeNumber(1, 65535).default(3000),
    APP_SECRET: optional,
    DATA_KEY: optional.pipe(dataKey.optional()),
    BOOTSTRAP_ADMIN_EMAIL: optional.pipe(z.string().email().optional()),
    BOOTSTRAP_ADMIN_PASSWORD: optional,
    BOOTSTRAP_TEAM: z.string().min(1).default('Admissions'),
    GRAPH_API_BASE_URL: url(['http:', 'https:']).default('https://graph.facebook.com/v21.0'),
    WHATSAPP_PHONE_NUMBER_ID: optional,
    WHATSAPP_APP_SECRET: optional,
    WHATSAPP_VERIFY_TOKEN: optional,
    WHATSAPP_ACCESS_TOKEN: optional,
    FACEBOOK_PAGE_ID: optional,
    FACEBOOK_APP_SECRET: optional,
    FACEBOOK_VERIFY_TOKEN: optional,
    FACEBOOK_PAGE_ACCESS_TOKEN: optional,
    LINKEDIN_ORGANIZATION_URN: optional,
    LINKEDIN_CLIENT_SECRET: optional,
    LINKEDIN_ACCESS_TOKEN: optional,
    LINKEDIN_API_BASE_URL: url(['http:', 'https:']).default('https://api.linkedin.com'),
    LINKEDIN_API_VERSION: z
      .string()
      .regex(/^20\d\d(0[1-9]|1[0-2])$/, 'must be a version month like 202511 (YYYYMM)')
      .default('202511'),
    RETENTION_SWEEP_EVERY: isoDuration.default('PT15M'),
    RETENTION_BATCH_SIZE: wholeNumber(1, 10_000).default(250),
    RETENTION_REST_RATIO: z
      .string()
      .refine((v) => /^\d+(\.\d+)?$/.test(v) && Number(v) <= 100, {
        message: 'must be a number from 0 to 100',
      })
      .transform(Number)
      .default(2),
    REPORT_MIN_CELL: wholeNumber(1, 1_000_000).default(10),
    ANONYMIZER_BUDGET_MS: wholeNumber(0, 60_000).default(500),
    ACCESS_TOKEN_TTL: isoDuration.default('PT12H'),
    HTTP_REQUEST_TIMEOUT: isoDuration.default('PT30S'),
    HTTP_MAX_CONNECTIONS: wholeNumber(1, 1_000_000).default(4096),
    API_RATE_LIMIT: wholeNumber(1, 1_000_000).default(300),
    API_STRICT_RATE_LIMIT: wholeNumber(1, 1_000_000).default(20),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    WORKER_CONCURRENCY: wholeNumber(1, 256).default(2),
    WORKER_NICE: wholeNumber(0, 19).default(10),
    JOB_LOCK_MS: wholeNumber(1000, 3_600_000).default(30000),
    REDIS_PREFIX: z.string().min(1).default('webcare'),
    PRIVACY_STATEMENT_URL: url(['http:', 'https:']).default('https://www.example.edu/privacy'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      if (!env.APP_SECRET)
        ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'is required in production' });
      if (!env.DATA_KEY)
        ctx.addIssue({ code: 'custom', path: ['DATA_KEY'], message: 'is required in production' });
    }
    if (env.APP_SECRET && env.APP_SECRET.length < 16) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET'], message: 'must be at least 16 characters' });
    }
    if (Boolean(env.BOOTSTRAP_ADMIN_EMAIL) !== Boolean(env.BOOTSTRAP_ADMIN_PASSWORD)) {
      ctx.addIssue({
        code: 'custom',
        path: ['BOOTSTRAP_ADMIN_PASSWORD'],
        message: 'BOOTSTRAP_ADMIN_EMAIL and BOOTSTRAP_ADMIN_PASSWORD must be set together',
      });
    }
    const groups: [string, (keyof typeof env)[]][] = [
      [
        'WhatsApp',
        ['WHATSAPP_PHONE_NUMBER_ID', 'WHATSAPP_APP_SECRET', 'WHATSAPP_VERIFY_TOKEN', 'WHATSAPP_ACCESS_TOKEN'],
      ],
      [
        'Facebook',
        ['FACEBOOK_PAGE_ID', 'FACEBOOK_APP_SECRET', 'FACEBOOK_VERIFY_TOKEN', 'FACEBOOK_PAGE_ACCESS_TOKEN'],
      ],
      ['LinkedIn', ['LINKEDIN_ORGANIZATION_URN', 'LINKEDIN_CLIENT_SECRET', 'LINKEDIN_ACCESS_TOKEN']],
    ];
    for (const [label, keys] of groups) {
      const set = keys.filter((k) => env[k]);
      if (set.length > 0 && set.length < keys.length) {
        for (const k of keys.filter((k) => !env[k])) {
          ctx.addIssue({
            code: 'custom',
            path: [k],
            message: `is required when other ${label} variables are set`,
          });
        }
      }
    }
  });

export interface ChannelBootstrap {
  channel: 'whatsapp' | 'facebook' | 'linkedin';
  externalId: string;
  appSecret: string;
  verifyToken: string | null;
  accessToken: string;
}

/** The validated configuration from `loadConfig`; a class (never instantiated) so Nest injects it by type. */
export abstract class AppConfig {
  declare env: 'production' | 'development' | 'test';
  declare databaseUrl: string;
  /** The separate database holding the per-case data keys (never in the main database's backups). */
  declare keysDatabaseUrl: string;
  /** The schema owner that runs migrations; the apps use databaseUrl. */
  declare migrationDatabaseUrl: string;
  declare redisUrl: string;
  declare redisPrefix: string;
  declare port: number;
  declare appSecret: string;
  declare dataKey: Buffer;
  declare bootstrapAdmin: { email: string; password: string } | null;
  declare bootstrapTeam: string;
  declare graphApiBaseUrl: string;
  declare linkedinApiBaseUrl: string;
  /** Sent as LinkedIn-Version. */
  declare linkedinApiVersion: string;
  declare channels: ChannelBootstrap[];
  declare retentionSweepEveryMs: number;
  /** Cases per sweep transaction. */
  declare retentionBatchSize: number;
  /** After each batch the sweeper rests this many times the batch's duration. */
  declare retentionRestRatio: number;
  declare reportMinCell: number;
  /** Time one message may take in the anonymizer; past it its pseudonymized text is withheld. */
  declare anonymizerBudgetMs: number;
  /** Lifetime of an access token; sockets are closed when theirs runs out. */
  declare accessTokenTtlMs: number;
  /** Headers and body of any request must have arrived within this (a trickling body is cut off). */
  declare httpRequestTimeoutMs: number;
  /** Open connections the API accepts at once; more are refused. */
  declare httpMaxConnections: number;
  /** Requests per minute per caller and route on /api; the strict one for export, erase, sweep, verify. */
  declare apiRateLimit: number;
  declare apiStrictRateLimit: number;
  declare logLevel: string;
  declare workerConcurrency: number;
  /** CPU priority the worker lowers itself to (0 = unchanged). */
  declare workerNice: number;
  declare jobLockMs: number;
  declare privacyStatementUrl: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.join('\n')}`);
  }
}

/** Reads the environment once; every problem becomes one line naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'environment'}: ${i.message}`),
    );
  }
  const e = parsed.data;
  const channels: ChannelBootstrap[] = [];
  if (e.WHATSAPP_PHONE_NUMBER_ID) {
    channels.push({
      channel: 'whatsapp',
      externalId: e.WHATSAPP_PHONE_NUMBER_ID,
      appSecret: e.WHATSAPP_APP_SECRET!,
      verifyToken: e.WHATSAPP_VERIFY_TOKEN!,
      accessToken: e.WHATSAPP_ACCESS_TOKEN!,
    });
  }
  if (e.FACEBOOK_PAGE_ID) {
    channels.push({
      channel: 'facebook',
      externalId: e.FACEBOOK_PAGE_ID,
      appSecret: e.FACEBOOK_APP_SECRET!,
      verifyToken: e.FACEBOOK_VERIFY_TOKEN!,
      accessToken: e.FACEBOOK_PAGE_ACCESS_TOKEN!,
    });
  }
  if (e.LINKEDIN_ORGANIZATION_URN) {
    channels.push({
      channel: 'linkedin',
      externalId: e.LINKEDIN_ORGANIZATION_URN,
      appSecret: e.LINKEDIN_CLIENT_SECRET!,
      verifyToken: null,
      accessToken: e.LINKEDIN_ACCESS_TOKEN!,
    });
  }
  return {
    env: e.NODE_ENV,
    databaseUrl: e.DATABASE_URL,
    keysDatabaseUrl: e.KEYS_DATABASE_URL ?? defaultKeysDatabaseUrl(e.DATABASE_URL),
    migrationDatabaseUrl: e.MIGRATION_DATABASE_URL ?? e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    redisPrefix: e.REDIS_PREFIX,
    port: e.PORT,
    // Outside production a fixed, publicly known development key keeps api and worker in step; never for real data.
    appSecret: e.APP_SECRET ?? DEV_ONLY_SECRET,
    dataKey: Buffer.from(e.DATA_KEY ?? DEV_ONLY_DATA_KEY, 'base64'),
    bootstrapAdmin:
      e.BOOTSTRAP_ADMIN_EMAIL && e.BOOTSTRAP_ADMIN_PASSWORD
        ? { email: e.BOOTSTRAP_ADMIN_EMAIL.toLowerCase(), password: e.BOOTSTRAP_ADMIN_PASSWORD }
        : null,
    bootstrapTeam: e.BOOTSTRAP_TEAM,
    graphApiBaseUrl: e.GRAPH_API_BASE_URL.replace(/\/+$/, ''),
    linkedinApiBaseUrl: e.LINKEDIN_API_BASE_URL.replace(/\/+$/, ''),
    linkedinApiVersion: e.LINKEDIN_API_VERSION,
    channels,
    retentionSweepEveryMs: parseIsoDuration(e.RETENTION_SWEEP_EVERY)!,
    retentionBatchSize: e.RETENTION_BATCH_SIZE,
    retentionRestRatio: e.RETENTION_REST_RATIO,
    reportMinCell: e.REPORT_MIN_CELL,
    anonymizerBudgetMs: e.ANONYMIZER_BUDGET_MS,
    accessTokenTtlMs: parseIsoDuration(e.ACCESS_TOKEN_TTL)!,
    httpRequestTimeoutMs: parseIsoDuration(e.HTTP_REQUEST_TIMEOUT)!,
    httpMaxConnections: e.HTTP_MAX_CONNECTIONS,
    apiRateLimit: e.API_RATE_LIMIT,
    apiStrictRateLimit: e.API_STRICT_RATE_LIMIT,
    logLevel: e.LOG_LEVEL,
    workerConcurrency: e.WORKER_CONCURRENCY,
    workerNice: e.WORKER_NICE,
    jobLockMs: e.JOB_LOCK_MS,
    privacyStatementUrl: e.PRIVACY_STATEMENT_URL,
  };
}

/** The main database's URL with `_keys` appended to the database name. */
export function defaultKeysDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `${url.pathname.replace(/\/+$/, '') || '/webcare'}_keys`;
  return url.toString();
}

const DEV_ONLY_SECRET = 'development-only-secret-do-not-use';
const DEV_ONLY_DATA_KEY = Buffer.alloc(32, 7).toString('base64');

/**
 * Boot helper for main files: the one place that reads the process environment. Prints one line
 * per problem and exits without a stack trace.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Invalid configuration:\n${err.problems.map((p) => `  ${p}`).join('\n')}\n`);
      process.exit(1);
    }
    throw err;
  }
}

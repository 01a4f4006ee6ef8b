import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { DeletionReceiptView } from '../../apps/api/src/privacy/dto/deletion.response.dto';
import { KeyRing } from '../../libs/platform/src';
import { connectKeyStore, testKeyRing } from './keys';
import { api, login, teamWithAgent, userWithRole } from './api-client';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor, WHATSAPP } from './processes';
import { postWebhook, waTextWebhook } from './whatsapp-payloads';
import { connectTestDatabase } from './databases';

/**
 * Shared set-up of the retention e2e files: built api + worker, real Postgres and Redis.
 *
 * The reply flow (which marks a case answered and sets retain_until) is built separately, so these
 * tests ingest real signed webhooks and then mark the case answered directly in SQL, exactly as the
 * reply flow will: status 'answered', answered_at, retention_period and retain_until.
 */

export const AUDIT_CHAIN_LOCK = 5_318_008; // libs/domain/src/audit/audit.service.ts: lets a test stall a sweep mid-batch

/** A deletion receipt as GET /api/deletions lists it. */
export type Receipt = DeletionReceiptView;

export function phoneFor(tag: string): string {
  return `316${String(10_000_000 + (parseInt(tag, 16) % 89_999_999)).padStart(8, '0')}`;
}

export function variants(phone: string, email: string): string[] {
  const local = `0${phone.slice(2)}`;
  return [email, email.toUpperCase(), phone, `+${phone}`, local, `${local.slice(0, 2)}-${local.slice(2)}`];
}

/**
 * Registers the file's beforeAll/afterAll (call it inside the describe) and returns the apps, the
 * connections and the helpers; the fields are filled once beforeAll has run.
 */
export function retentionHarness() {
  const prefix = `${process.env.TEST_REDIS_PREFIX}-ret`;
  // A long schedule: the tests trigger sweeps themselves (HTTP or an enqueued job).
  const env = testEnv({ redisPrefix: prefix, extra: { RETENTION_SWEEP_EVERY: 'PT1H' } });
  let apiApp: AppProcess & { url: string };
  let db: Client;
  let keysDb: Client;
  let officer: string;
  let agent: { teamId: string; userId: string; token: string };
  let keyRing: KeyRing;
  let accountId: string;

  const sweep = async () => {
    const res = await api<{ deleted: number }>(apiApp.url, officer, 'POST', '/api/retention/sweep');
    expect(res.status).toBe(200);
    return res.body.deleted;
  };
  const caseOf = async (phone: string): Promise<string | undefined> =>
    (
      await db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id
          WHERE ct.external_hash = $1 ORDER BY c.created_at DESC LIMIT 1`,
        [keyRing.lookupHash(`whatsapp:user:${phone}`)],
      )
    ).rows[0]?.id;
  const messagesOf = async (caseId: string) =>
    Number((await db.query(`SELECT count(*) AS n FROM messages WHERE case_id = $1`, [caseId])).rows[0].n);
  const exists = async (caseId: string) =>
    (await db.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])).rowCount === 1;
  /** Ingests a real signed webhook and waits until the worker filed it; returns the case id. */
  const ingest = async (phone: string, name: string, text: string, expectMessages = 1): Promise<string> => {
    expect((await postWebhook(apiApp.url, waTextWebhook([{ from: phone, name, text }]))).status).toBe(200);
    let id: string | undefined;
    await waitFor(async () => {
      id = await caseOf(phone);
      return !!id && (await messagesOf(id)) >= expectMessages;
    }, 30_000);
    return id!;
  };
  /** What the reply flow does once the answer with the notice went out (not built yet: done in SQL). */
  const markAnswered = (caseId: string, period = 'PT5S') =>
    db.query(
      `UPDATE cases SET status = 'answered', answered_at = now(), retention_period = $2::text,
              retain_until = now() + $2::text::interval WHERE id = $1`,
      [caseId, period],
    );
  const setPolicy = (channel: string, body: Record<string, unknown>) =>
    api<Record<string, string>>(apiApp.url, officer, 'PUT', `/api/retention-policies/${channel}`, body);
  const receiptsFor = async (caseIds: string[]) =>
    (
      await db.query(`SELECT case_ref, reason, sweep_id FROM deletion_receipts WHERE case_ref = ANY($1)`, [
        caseIds.map((id) => keyRing.lookupHash(id).toString('hex')),
      ])
    ).rows as { case_ref: string; reason: string; sweep_id: string | null }[];

  /** Many due cases at once, straight in SQL (contacts, keys, cases, messages), for the race tests. */
  const bulkDueCases = async (n: number, perCase: number, marker: string): Promise<string[]> => {
    // Keys first, in the key store (a database of its own), as the worker stores them.
    const keyIds = Array.from({ length: n * 2 }, () => randomUUID());
    await keysDb.query(
      `INSERT INTO data_keys (id, wrapped) SELECT id, sha256(random()::text::bytea) FROM unnest($1::uuid[]) AS id`,
      [keyIds],
    );
    const { rows } = await db.query(
      `WITH kk AS (SELECT id, rn FROM unnest($5::uuid[]) WITH ORDINALITY AS k(id, rn)),
       ct AS (
         INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc)
         SELECT 'whatsapp', $2, sha256(($3 || i)::bytea), (SELECT id FROM kk WHERE rn = i), sha256(random()::text::bytea)
           FROM generate_series(1, $1) i
         RETURNING id, external_hash),
       cn AS (SELECT id, row_number() OVER () AS rn FROM ct)
       INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at,
                          last_message_at, answered_at, retention_period, retain_until)
       SELECT 'whatsapp', $2, cn.id, $4, 'answered', (SELECT id FROM kk WHERE rn = $1 + cn.rn),
              now() - interval '1 hour', now() - interval '1 hour', now() - interval '1 minute', 'PT5S',
              now() - interval '55 seconds'
         FROM cn
       RETURNING id`,
      [n, accountId, marker, agent.teamId, keyIds],
    );
    const ids = rows.map((r: { id: string }) => r.id);
    await db.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, text_enc, text_pseudo, sent_at)
       SELECT c, $2, 'in', sha256(random()::text::bytea), $3 || ' bericht ' || j, now() - interval '1 hour'
         FROM unnest($1::uuid[]) c, generate_series(1, $4) j`,
      [ids, accountId, marker, perCase],
    );
    return ids;
  };

  const h = {
    prefix,
    env,
    worker: undefined as unknown as AppProcess,
    get apiApp() {
      return apiApp;
    },
    get db() {
      return db;
    },
    get keysDb() {
      return keysDb;
    },
    get officer() {
      return officer;
    },
    get agent() {
      return agent;
    },
    get keyRing() {
      return keyRing;
    },
    get accountId() {
      return accountId;
    },
    sweep,
    exists,
    ingest,
    markAnswered,
    setPolicy,
    receiptsFor,
    bulkDueCases,
  };

  beforeAll(async () => {
    apiApp = await startApi(env);
    h.worker = await startWorker(env);
    db = await connectTestDatabase();
    keysDb = await connectKeyStore();
    keyRing = testKeyRing();
    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    officer = (await userWithRole(apiApp.url, adminToken, 'privacy_officer')).token;
    agent = await teamWithAgent(apiApp.url, 'Admissions');
    // The bootstrapped number: other test files connect more WhatsApp accounts to the run's database.
    accountId = (
      await db.query(`SELECT id FROM channel_accounts WHERE channel = 'whatsapp' AND external_id = $1`, [
        WHATSAPP.phoneNumberId,
      ])
    ).rows[0].id;
  });

  afterAll(async () => {
    // Leave the shared test database with the seeded defaults for the files that run after this one.
    if (officer) {
      await setPolicy('whatsapp', { period: 'P30D', maxUnansweredAge: 'P90D' }).catch(() => undefined);
      await api(apiApp.url, officer, 'PUT', `/api/channel-accounts/${accountId}/retention`, {
        period: null,
      }).catch(() => undefined);
    }
    await db?.end();
    await keysDb?.end();
    await h.worker?.kill();
    await apiApp?.kill();
  });

  return h;
}

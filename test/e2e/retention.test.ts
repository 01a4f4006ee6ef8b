import { pgDump, redisDump } from '../support/data-dumps';
import { randomBytes, randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { KeyRing } from '../../libs/platform/src';
import { connectKeyStore, testKeyRing } from '../support/keys';
import { api, connectSocket, login, teamWithAgent, userWithRole } from '../support/api-client';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor, WHATSAPP } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(180_000);

/**
 * Retention and data-subject rights, end to end: built api + worker, real Postgres and Redis.
 *
 * The reply flow (which marks a case answered and sets retain_until) is built separately, so these
 * tests ingest real signed webhooks and then mark the case answered directly in SQL, exactly as the
 * reply flow will: status 'answered', answered_at, retention_period and retain_until.
 */

const AUDIT_CHAIN_LOCK = 5_318_008; // libs/domain/src/audit/audit.service.ts: lets a test stall a sweep mid-batch

interface Receipt {
  id: string;
  caseRef: string;
  reason: string;
  policy: string | null;
  counts: Record<string, number>;
  sweepId: string | null;
  deletedAt: string;
}

function phoneFor(tag: string): string {
  return `316${String(10_000_000 + (parseInt(tag, 16) % 89_999_999)).padStart(8, '0')}`;
}

function variants(phone: string, email: string): string[] {
  const local = `0${phone.slice(2)}`;
  return [email, email.toUpperCase(), phone, `+${phone}`, local, `${local.slice(0, 2)}-${local.slice(2)}`];
}

describe('retention and data-subject rights', () => {
  const prefix = `${process.env.TEST_REDIS_PREFIX}-ret`;
  // A long schedule: the tests trigger sweeps themselves (HTTP or an enqueued job).
  const env = testEnv({ redisPrefix: prefix, extra: { RETENTION_SWEEP_EVERY: 'PT1H' } });
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
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

  beforeAll(async () => {
    apiApp = await startApi(env);
    worker = await startWorker(env);
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
    await worker?.kill();
    await apiApp?.kill();
  });

  it('lets only the privacy officer use the privacy endpoints', async () => {
    const lead = await teamWithAgent(apiApp.url, 'Admissions', 'team_lead');
    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const manager = (await userWithRole(apiApp.url, adminToken, 'manager')).token;
    const someCase = randomUUID();
    const calls: [string, string, unknown?][] = [
      ['GET', '/api/retention-policies'],
      ['PUT', '/api/retention-policies/whatsapp', { period: 'P1D' }],
      ['PUT', `/api/channel-accounts/${accountId}/retention`, { period: 'P1D' }],
      ['POST', '/api/retention/sweep'],
      ['GET', '/api/deletions'],
      ['GET', '/api/legal-holds'],
      ['POST', `/api/cases/${someCase}/legal-holds`, { reason: 'dossier 2026-17' }],
      ['DELETE', `/api/legal-holds/${randomUUID()}`],
      ['POST', '/api/subjects/export', { channel: 'whatsapp', externalId: '31612345678' }],
      ['POST', '/api/subjects/erase', { channel: 'whatsapp', externalId: '31612345678' }],
    ];
    for (const [role, token] of [
      ['agent', agent.token],
      ['team_lead', lead.token],
      ['manager', manager],
      ['admin', adminToken],
    ] as const) {
      for (const [method, path, body] of calls) {
        const res = await api(apiApp.url, token, method, path, body);
        expect({ role, method, path, status: res.status }).toEqual({ role, method, path, status: 403 });
      }
    }
    for (const [method, path, body] of calls) {
      expect({ method, path, status: (await api(apiApp.url, null, method, path, body)).status }).toEqual({
        method,
        path,
        status: 401,
      });
    }
    // Nothing was changed by the refused calls.
    const policies = await api<{ items: { channel: string; period: string }[] }>(
      apiApp.url,
      officer,
      'GET',
      '/api/retention-policies',
    );
    expect(policies.body.items.find((i) => i.channel === 'whatsapp')?.period).toBe('P30D');
  });

  it('reads and validates retention policies and per-account overrides, audited', async () => {
    const list = await api<{
      items: { channel: string; period: string; maxUnansweredAge: string; updatedAt: string }[];
      accounts: { id: string; channel: string; name: string; retentionPeriod: string | null }[];
    }>(apiApp.url, officer, 'GET', '/api/retention-policies');
    expect(list.status).toBe(200);
    expect(list.body.items.map((i) => i.channel)).toEqual(['facebook', 'linkedin', 'whatsapp']);
    expect(list.body.items[0]).toEqual({
      channel: 'facebook',
      period: 'P30D',
      maxUnansweredAge: 'P90D',
      updatedAt: expect.any(String),
    });
    expect(list.body.accounts).toContainEqual({
      id: accountId,
      channel: 'whatsapp',
      name: expect.any(String),
      retentionPeriod: null,
    });

    expect((await setPolicy('telegram', { period: 'P30D' })).status).toBe(400);
    for (const period of ['30 days', 'P0D', '', 'PT', 'P-1D', 12]) {
      const res = await setPolicy('whatsapp', { period });
      expect({ period, status: res.status }).toEqual({ period, status: 400 });
    }
    expect((await setPolicy('whatsapp', { period: 'P30D', maxUnansweredAge: 'soon' })).status).toBe(400);
    expect((await setPolicy('whatsapp', {})).status).toBe(400);

    const fb = await setPolicy('facebook', { period: 'P14D', maxUnansweredAge: 'P60D' });
    expect(fb.status).toBe(200);
    expect(fb.body).toMatchObject({ channel: 'facebook', period: 'P14D', maxUnansweredAge: 'P60D' });
    expect((await setPolicy('facebook', { period: 'P30D' })).body).toMatchObject({
      period: 'P30D',
      maxUnansweredAge: 'P60D',
    });
    expect((await setPolicy('facebook', { period: 'P30D', maxUnansweredAge: 'P90D' })).status).toBe(200);

    const override = await api<{ retentionPeriod: string | null }>(
      apiApp.url,
      officer,
      'PUT',
      `/api/channel-accounts/${accountId}/retention`,
      { period: 'P7D' },
    );
    expect(override.status).toBe(200);
    expect(override.body.retentionPeriod).toBe('P7D');
    expect(
      (
        await api(apiApp.url, officer, 'PUT', `/api/channel-accounts/${accountId}/retention`, {
          period: 'week',
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await api(apiApp.url, officer, 'PUT', `/api/channel-accounts/${randomUUID()}/retention`, {
          period: 'P7D',
        })
      ).status,
    ).toBe(404);
    const cleared = await api<{ retentionPeriod: string | null }>(
      apiApp.url,
      officer,
      'PUT',
      `/api/channel-accounts/${accountId}/retention`,
      { period: null },
    );
    expect(cleared.body.retentionPeriod).toBeNull();

    const audit = await db.query(
      `SELECT object_type, object_id FROM audit_events WHERE action = 'retention.policy_changed' ORDER BY id`,
    );
    expect(audit.rows).toEqual(
      expect.arrayContaining([
        { object_type: 'retention_policy', object_id: 'facebook' },
        { object_type: 'channel_account', object_id: accountId },
      ]),
    );
  });

  it('deletes an answered case after its period, except held or reopened ones; shortening applies', async () => {
    const tag = randomBytes(5).toString('hex');
    const phrase = `zebrawoord${tag}`;
    const email = `planted.${tag}@example.nl`;
    const phoneA = phoneFor(tag);
    const local = `0${phoneA.slice(2)}`;
    const name = `Sanne ${tag}`;
    const { socket, events } = await connectSocket(apiApp.url, agent.token);
    try {
      // A: the planted case. B: the same, under a legal hold. C: answered, then reopened. D: answered
      // with a communicated P30D, later cut short by policy.
      const caseA = await ingest(
        phoneA,
        name,
        `Hoi, ik ben ${name}, codewoord ${phrase}. Mail me op ${email} of bel ${local.slice(0, 2)}-${local.slice(2)}.`,
      );
      const phoneB = phoneFor(`${tag.slice(1)}b`);
      const caseB = await ingest(phoneB, 'Bram Bakker', `Vraag over de open dag okapi${tag}b`);
      const phoneC = phoneFor(`${tag.slice(1)}c`);
      const caseC = await ingest(phoneC, 'Chris Claes', `Vraag over huisvesting okapi${tag}c`);
      const phoneD = phoneFor(`${tag.slice(1)}d`);
      const caseD = await ingest(phoneD, 'Daan Dekker', `Vraag over collegegeld okapi${tag}d`);
      await markAnswered(caseA);
      await markAnswered(caseB);
      await markAnswered(caseC);
      await markAnswered(caseD, 'P30D');
      const planter = new Redis(process.env.TEST_REDIS_URL!);
      await planter.set(`${prefix}:presence:case:${caseA}`, agent.userId);
      planter.disconnect();

      const hold = await api<{ id: string; caseId: string; active: boolean }>(
        apiApp.url,
        officer,
        'POST',
        `/api/cases/${caseB}/legal-holds`,
        { reason: 'dossier 2026-17' },
      );
      expect(hold.status).toBe(201);
      expect(hold.body).toMatchObject({ caseId: caseB, active: true });
      expect(
        (await api(apiApp.url, officer, 'POST', `/api/cases/${randomUUID()}/legal-holds`, { reason: 'x' }))
          .status,
      ).toBe(404);
      expect((await api(apiApp.url, officer, 'POST', `/api/cases/${caseB}/legal-holds`, {})).status).toBe(
        400,
      );
      const holds = await api<{ items: { id: string; active: boolean }[] }>(
        apiApp.url,
        officer,
        'GET',
        '/api/legal-holds',
      );
      expect(holds.body.items).toContainEqual(expect.objectContaining({ id: hold.body.id, active: true }));

      // C gets a new question: the case reopens and its clock stops.
      await ingest(phoneC, 'Chris Claes', `Nog een vraag okapi${tag}c2`, 2);
      expect(
        (await db.query(`SELECT status, retain_until FROM cases WHERE id = $1`, [caseC])).rows[0],
      ).toEqual({
        status: 'open',
        retain_until: null,
      });

      // Not due yet: nothing of ours goes before its time.
      await sweep();
      for (const id of [caseA, caseB, caseC, caseD]) expect(await exists(id)).toBe(true);
      expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseA}`)).status).toBe(200);
      const before = pgDump();
      expect(before.includes(phrase)).toBe(true); // the pseudonymized copy carries the phrase

      await new Promise((r) => setTimeout(r, 5500));
      expect(await sweep()).toBeGreaterThanOrEqual(1);
      expect(await exists(caseA)).toBe(false);
      expect(await exists(caseB)).toBe(true); // legal hold
      expect(await exists(caseC)).toBe(true); // reopened
      expect(await exists(caseD)).toBe(true); // communicated P30D, policy P30D

      expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseA}`)).status).toBe(404);
      await waitFor(() =>
        events.some(
          (e) =>
            e.event === 'case.updated' &&
            JSON.stringify(e.payload) ===
              JSON.stringify({ caseId: caseA, status: 'deleted', assigneeId: null }),
        ),
      );
      const dump = pgDump();
      expect(dump.includes(phrase)).toBe(false);
      expect(dump.includes(name)).toBe(false);
      for (const v of variants(phoneA, email))
        expect({ v, inDump: dump.includes(v) }).toEqual({ v, inDump: false });
      const redis = await redisDump(process.env.TEST_REDIS_URL!, prefix);
      expect(redis.keys.filter((k) => k.includes(caseA))).toEqual([]);
      for (const v of [phrase, name, ...variants(phoneA, email)]) expect(redis.text.includes(v)).toBe(false);

      // Exactly one receipt, free of personal data, and one audit event naming the receipt.
      const [receipt] = await receiptsFor([caseA]);
      expect(receipt).toMatchObject({ reason: 'retention' });
      const listed = await api<{ items: Receipt[] }>(
        apiApp.url,
        officer,
        'GET',
        `/api/deletions?caseId=${caseA}`,
      );
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({
        caseRef: receipt.case_ref,
        reason: 'retention',
        policy: 'PT5S',
      });
      expect(listed.body.items[0].counts).toMatchObject({
        data_keys: 2,
        messages: 1,
        inbound_events: 1,
        cases: 1,
        contacts: 1,
        legal_holds: 0,
      });
      expect(listed.body.items[0].counts.pseudonyms).toBeGreaterThanOrEqual(2);
      const all = await api<{ items: Receipt[] }>(apiApp.url, officer, 'GET', '/api/deletions');
      expect(all.body.items.map((i) => i.id)).toContain(listed.body.items[0].id);
      const audit = await db.query(
        `SELECT actor_id, object_type, object_id FROM audit_events WHERE action = 'case.deleted' AND object_id = $1`,
        [listed.body.items[0].id],
      );
      expect(audit.rows).toEqual([
        { actor_id: null, object_type: 'deletion_receipt', object_id: listed.body.items[0].id },
      ]);
      const receiptText = JSON.stringify((await db.query(`SELECT * FROM deletion_receipts`)).rows);
      const auditText = JSON.stringify((await db.query(`SELECT * FROM audit_events`)).rows);
      for (const v of [phrase, name, ...variants(phoneA, email)]) {
        expect({ v, receipts: receiptText.includes(v), audit: auditText.includes(v) }).toEqual({
          v,
          receipts: false,
          audit: false,
        });
      }
      expect(receiptText.includes(caseA)).toBe(false);
      expect(apiApp.output.includes(phrase) || worker.output.includes(phrase)).toBe(false);

      // The policy is shortened to 5 s: D goes now although 30 days were communicated; B stays held.
      expect((await setPolicy('whatsapp', { period: 'PT5S' })).status).toBe(200);
      await sweep();
      expect(await exists(caseD)).toBe(false);
      expect((await receiptsFor([caseD]))[0]).toMatchObject({ reason: 'retention' });
      expect(
        (await api<{ items: Receipt[] }>(apiApp.url, officer, 'GET', `/api/deletions?caseId=${caseD}`)).body
          .items[0].policy,
      ).toBe('PT5S');
      expect(await exists(caseB)).toBe(true);
      expect(await exists(caseC)).toBe(true);

      // Releasing the hold lets the next sweep delete B.
      const released = await api<{ active: boolean; releasedAt: string }>(
        apiApp.url,
        officer,
        'DELETE',
        `/api/legal-holds/${hold.body.id}`,
      );
      expect(released.status).toBe(200);
      expect(released.body.active).toBe(false);
      expect((await api(apiApp.url, officer, 'DELETE', `/api/legal-holds/${randomUUID()}`)).status).toBe(404);
      await sweep();
      expect(await exists(caseB)).toBe(false);
      expect(await exists(caseC)).toBe(true);
      const holdAudit = await db.query(
        `SELECT action FROM audit_events WHERE object_type = 'legal_hold' AND object_id = $1 ORDER BY id`,
        [hold.body.id],
      );
      expect(holdAudit.rows.map((r) => r.action)).toEqual(['legal_hold.placed', 'legal_hold.released']);
    } finally {
      socket.disconnect();
      await setPolicy('whatsapp', { period: 'P30D' });
    }
  });

  it('exports everything held about a person, then erases all of it', async () => {
    const tag = randomBytes(5).toString('hex');
    const phrase = `giraffewoord${tag}`;
    const email = `subject.${tag}@example.nl`;
    const phone = phoneFor(tag);
    const name = `Fenna ${tag}`;
    const caseId = await ingest(
      phone,
      name,
      `Hallo, ik ben ${name}. Mijn mail is ${email}, codewoord ${phrase}.`,
    );
    await ingest(phone, name, `En bel me gerust op +${phone.slice(0, 2)} ${phone.slice(2)} (${phrase}2)`, 2);

    const spaced = `+${phone.slice(0, 2)} ${phone.slice(2, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const exported = await api<{
      contacts: { externalId: string; name: string }[];
      cases: { id: string; messages: { text: string; direction: string }[]; consents: unknown[] }[];
    }>(apiApp.url, officer, 'POST', '/api/subjects/export', { channel: 'whatsapp', externalId: spaced });
    expect(exported.status).toBe(200);
    expect(exported.body.contacts).toEqual([expect.objectContaining({ externalId: phone, name })]);
    expect(exported.body.cases).toHaveLength(1);
    expect(exported.body.cases[0].id).toBe(caseId);
    expect(exported.body.cases[0].messages.map((m) => m.direction)).toEqual(['in', 'in']);
    const text = JSON.stringify(exported.body);
    for (const v of [phrase, `${phrase}2`, email, name, phone])
      expect({ v, found: text.includes(v) }).toEqual({ v, found: true });
    const exportAudit = await db.query(
      `SELECT actor_id, object_type, object_id FROM audit_events WHERE action = 'subject.exported' ORDER BY id DESC LIMIT 1`,
    );
    // A keyed reference of the person (links repeated requests), never the identifier itself.
    expect(exportAudit.rows[0]).toMatchObject({
      object_type: 'subject',
      object_id: keyRing.subjectRef('whatsapp', phone),
    });

    const nobody = await api<{ contacts: unknown[]; cases: unknown[] }>(
      apiApp.url,
      officer,
      'POST',
      '/api/subjects/export',
      {
        channel: 'whatsapp',
        externalId: '31600000001',
      },
    );
    expect(nobody.body).toMatchObject({ contacts: [], cases: [] });
    expect(
      (await api(apiApp.url, officer, 'POST', '/api/subjects/export', { channel: 'sms', externalId: phone }))
        .status,
    ).toBe(400);

    expect(pgDump().includes(phrase)).toBe(true);
    const erased = await api<{ deleted: number }>(apiApp.url, officer, 'POST', '/api/subjects/erase', {
      channel: 'whatsapp',
      externalId: `+${phone}`,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted).toBe(1);
    expect(await exists(caseId)).toBe(false);
    expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    const dump = pgDump();
    for (const v of [phrase, name, ...variants(phone, email)])
      expect({ v, inDump: dump.includes(v) }).toEqual({ v, inDump: false });
    expect(
      Number(
        (
          await db.query(`SELECT count(*) AS n FROM contacts WHERE external_hash = $1`, [
            keyRing.lookupHash(`whatsapp:user:${phone}`),
          ])
        ).rows[0].n,
      ),
    ).toBe(0);
    expect((await receiptsFor([caseId]))[0]).toMatchObject({ reason: 'erasure' });
    const again = await api<{ contacts: unknown[]; cases: unknown[] }>(
      apiApp.url,
      officer,
      'POST',
      '/api/subjects/export',
      {
        channel: 'whatsapp',
        externalId: phone,
      },
    );
    expect(again.body).toMatchObject({ contacts: [], cases: [] });
    const auditText = JSON.stringify((await db.query(`SELECT * FROM audit_events`)).rows);
    for (const v of [phrase, name, ...variants(phone, email)]) expect(auditText.includes(v)).toBe(false);
    expect(
      (
        await db.query(
          `SELECT count(*) AS n FROM audit_events WHERE action = 'subject.erased' AND object_id = $1`,
          [keyRing.subjectRef('whatsapp', phone)],
        )
      ).rows[0].n,
    ).toBe('1');
  });

  it('never writes two receipts when sweeps run at the same time', async () => {
    const marker = `race${randomBytes(4).toString('hex')}`;
    const ids = await bulkDueCases(1500, 3, marker);
    const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue('retention', { connection, prefix });
    try {
      const [a, b] = await Promise.all([
        sweep(),
        sweep(),
        queue.add('retention.sweep', { sweepId: randomUUID() }),
      ]);
      expect(a + b).toBeLessThanOrEqual(1500);
      await waitFor(
        async () => (await db.query(`SELECT 1 FROM cases WHERE id = ANY($1)`, [ids])).rowCount === 0,
        60_000,
      );
      const receipts = await receiptsFor(ids);
      expect(receipts).toHaveLength(1500);
      expect(new Set(receipts.map((r) => r.case_ref)).size).toBe(1500);
      expect(
        Number(
          (await db.query(`SELECT count(*) AS n FROM messages WHERE text_pseudo LIKE $1`, [`${marker}%`]))
            .rows[0].n,
        ),
      ).toBe(0);
      const audited = await db.query(
        `SELECT count(*) AS n FROM audit_events a JOIN deletion_receipts r ON r.id::text = a.object_id
          WHERE a.action = 'case.deleted' AND r.case_ref = ANY($1)`,
        [receipts.map((r) => r.case_ref)],
      );
      expect(Number(audited.rows[0].n)).toBe(1500);
    } finally {
      await queue.close();
      connection.disconnect();
    }
    const verify = await api<{ valid: boolean }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });

  it('leaves whole cases or nothing when the worker is killed mid-sweep, and the next run finishes', async () => {
    const marker = `kill${randomBytes(4).toString('hex')}`;
    const perCase = 4;
    const ids = await bulkDueCases(4000, perCase, marker);
    const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
    const queue = new Queue('retention', { connection, prefix });
    const blocker = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await blocker.connect();
    try {
      const sweepId = randomUUID();
      const receiptsOfSweep = async () =>
        Number(
          (await db.query(`SELECT count(*) AS n FROM deletion_receipts WHERE sweep_id = $1`, [sweepId]))
            .rows[0].n,
        );
      let stalledPid: number | null = null;
      const stalled = () =>
        waitFor(async () => {
          const { rows } = await db.query(
            `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted`,
            [AUDIT_CHAIN_LOCK],
          );
          stalledPid = rows[0]?.pid ?? null;
          return stalledPid !== null;
        }, 30_000);
      // Holding the audit-chain lock stalls a batch inside its transaction, after its deletes and just
      // before its receipts are audited. Let the first batch through, then stall the second and kill
      // the worker there: one batch committed, one half-done in an open transaction.
      await blocker.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHAIN_LOCK]);
      await queue.add('retention.sweep', { sweepId });
      await stalled();
      await blocker.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHAIN_LOCK]);
      await blocker.query(`SELECT pg_advisory_lock($1)`, [AUDIT_CHAIN_LOCK]); // granted once batch 1 committed
      expect(await receiptsOfSweep()).toBeGreaterThan(0);
      await stalled();
      await worker.kill('SIGKILL');
      await blocker.query(`SELECT pg_advisory_unlock($1)`, [AUDIT_CHAIN_LOCK]);
      // The orphaned backend notices its client is gone and rolls back.
      await waitFor(
        async () =>
          (await db.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [stalledPid])).rowCount === 0,
        30_000,
      );

      const committed = await receiptsOfSweep();
      expect(committed).toBeGreaterThan(0);
      expect(committed).toBeLessThan(ids.length);
      // Every case is either whole (row and all messages) or gone with exactly one receipt. Keys live
      // in the key store and are shredded before the rows go, so the killed batch's cases (one batch
      // at most) are whole but unreadable until the next sweep deletes them.
      const state = await db.query(
        `SELECT c.id, c.id IS NOT NULL AS present, c.data_key_id,
                (SELECT count(*) FROM messages m WHERE m.case_id = c.id)::int AS messages
           FROM unnest($1::uuid[]) AS x(id) LEFT JOIN cases c ON c.id = x.id`,
        [ids],
      );
      const present = state.rows.filter((r) => r.present);
      for (const r of present) expect(r.messages).toBe(perCase);
      const keyed = new Set(
        (
          await keysDb.query(`SELECT id FROM data_keys WHERE id = ANY($1::uuid[])`, [
            present.map((r) => r.data_key_id),
          ])
        ).rows.map((r) => r.id),
      );
      expect(present.filter((r) => !keyed.has(r.data_key_id)).length).toBeLessThanOrEqual(250);
      expect((await receiptsFor(ids)).length).toBe(ids.length - present.length);
      expect(present.length).toBeGreaterThan(0);

      worker = await startWorker(env);
      await waitFor(async () => {
        if ((await db.query(`SELECT 1 FROM cases WHERE id = ANY($1) LIMIT 1`, [ids])).rowCount === 0)
          return true;
        await queue.add('retention.sweep', { sweepId: randomUUID() });
        await new Promise((r) => setTimeout(r, 500));
        return false;
      }, 90_000);
      const receipts = await receiptsFor(ids);
      expect(receipts).toHaveLength(ids.length);
      expect(new Set(receipts.map((r) => r.case_ref)).size).toBe(ids.length);
      expect(
        Number(
          (await db.query(`SELECT count(*) AS n FROM messages WHERE text_pseudo LIKE $1`, [`${marker}%`]))
            .rows[0].n,
        ),
      ).toBe(0);
      // The worker keeps one schedule for the sweep.
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((s) => [s.key, Number(s.every)])).toEqual([['retention-sweep', 3_600_000]]);
    } finally {
      await blocker.end();
      await queue.close();
      connection.disconnect();
    }
    const verify = await api<{ valid: boolean }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });
});

import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource, loadConfig } from '../../libs/platform/src';
import { AuditAction, AuditService } from '../../libs/domain/src';
import { api, login, teamWithAgent, userWithRole } from '../support/api-client';
import { testKeyRing } from '../support/keys';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(120_000);

/** Export and erasure while staff activity keeps appending to the audit chain. */
describe('data-subject requests under concurrent audit appends', () => {
  const env = testEnv({ redisPrefix: `${process.env.TEST_REDIS_PREFIX}-subjects` });
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let officer: string;
  let ds: DataSource;
  let db: Client;
  const keyRing = testKeyRing();

  beforeAll(async () => {
    [apiApp, worker] = await Promise.all([startApi(env), startWorker(env)]);
    ds = createDataSource(process.env.TEST_DATABASE_URL!);
    await ds.initialize();
    db = await connectTestDatabase();
    const admin = await login(apiApp.url, ADMIN.email, ADMIN.password);
    officer = (await userWithRole(apiApp.url, admin, 'privacy_officer')).token;
  });

  /** Sends one WhatsApp message and waits for its case (other files' cases share the team). */
  async function filedCase(phone: string, name: string): Promise<string> {
    await postWebhook(apiApp.url, waTextWebhook([{ from: phone, name, text: 'Vraag over de open dag' }]));
    let caseId: string | undefined;
    await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_hash = $1`,
        [keyRing.lookupHash(`whatsapp:user:${phone}`)],
      );
      caseId = rows[0]?.id;
      return rows.length === 1;
    }, 30_000);
    return caseId!;
  }

  afterAll(async () => {
    await ds?.destroy();
    await db?.end();
    await Promise.all([worker?.kill(), apiApp?.kill()]);
  });

  it('both succeed, each audited with the keyed person reference and its own request id', async () => {
    const agent = await teamWithAgent(apiApp.url, 'Admissions');
    const phone = `3169${Date.now().toString().slice(-7)}`;
    await filedCase(phone, 'Noor Bakker');

    // Staff activity elsewhere: four writers appending to the audit chain as fast as they can.
    const audit = new AuditService(ds, loadConfig({ NODE_ENV: 'test', DATA_KEY: process.env.TEST_DATA_KEY }));
    let running = true;
    let appended = 0;
    const writers = Array.from({ length: 4 }, async () => {
      while (running) {
        await audit.recordNow({
          actorId: agent.userId,
          action: AuditAction.CaseListOriginal,
          objectType: 'team',
          objectId: agent.teamId,
        });
        appended++;
      }
    });
    const subject = { channel: 'whatsapp', externalId: `+${phone}` };
    try {
      const exports = await Promise.all(
        Array.from({ length: 4 }, () =>
          api<{ requestId: string; contacts: unknown[] }>(
            apiApp.url,
            officer,
            'POST',
            '/api/subjects/export',
            subject,
          ),
        ),
      );
      expect(exports.map((e) => e.status)).toEqual([200, 200, 200, 200]);
      for (const e of exports) expect(e.body.contacts).toHaveLength(1);
      const erased = await api<{ deleted: number; requestId: string }>(
        apiApp.url,
        officer,
        'POST',
        '/api/subjects/erase',
        subject,
      );
      expect(erased.status).toBe(200);
      expect(erased.body.deleted).toBe(1);

      const ref = keyRing.subjectRef('whatsapp', phone);
      const { rows } = await db.query(
        `SELECT action, object_id, detail FROM audit_events WHERE object_type = 'subject' AND object_id = $1 ORDER BY id`,
        [ref],
      );
      expect(rows.map((r) => r.action).sort()).toEqual([
        'subject.erased',
        'subject.exported',
        'subject.exported',
        'subject.exported',
        'subject.exported',
      ]);
      expect(new Set(rows.map((r) => r.detail))).toEqual(
        new Set([...exports.map((e) => `request:${e.body.requestId}`), `request:${erased.body.requestId}`]),
      );
      expect(JSON.stringify(rows)).not.toContain(phone);
    } finally {
      running = false;
      await Promise.all(writers);
    }
    expect(appended).toBeGreaterThan(10);
    const verify = await api<{ valid: boolean }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    expect(verify.body.valid).toBe(true);
  });

  it('keeps identifiers out of a legal hold reason stored in clear', async () => {
    const caseId = await filedCase(`3168${Date.now().toString().slice(-7)}`, 'Sem Jansen');
    const res = await api<{ id: string; reason: string }>(
      apiApp.url,
      officer,
      'POST',
      `/api/cases/${caseId}/legal-holds`,
      { reason: 'Klacht van Sanne de Vries, bel 06-12345678' },
    );
    expect(res.status).toBe(201);
    expect(res.body.reason).toBe('Klacht van [PERSON], bel [PHONE]');
    const stored = (await db.query(`SELECT reason_code, note FROM legal_holds WHERE id = $1`, [res.body.id]))
      .rows[0];
    expect(stored.reason_code).toBe('other');
    expect(stored.note).not.toMatch(/Sanne|12345678/);
    expect((await api(apiApp.url, officer, 'DELETE', `/api/legal-holds/${res.body.id}`)).status).toBe(200);
  });

  it('takes a legal hold reason from the list, with a note stored without the names planted in it', async () => {
    const caseId = await filedCase(`3167${Date.now().toString().slice(-7)}`, 'Lina Smit');
    const place = (body: object) =>
      api<{ id: string; reasonCode: string; note: string | null; reason: string }>(
        apiApp.url,
        officer,
        'POST',
        `/api/cases/${caseId}/legal-holds`,
        body,
      );
    expect((await place({ reasonCode: 'because' })).status).toBe(400);
    expect((await place({ note: 'dossier 2026-17' })).status).toBe(400);

    const res = await place({
      reasonCode: 'legal_proceedings',
      note: 'Zaak tegen Noor Bakker, mail noor.bakker@example.nl, dossier 2026-17',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      reasonCode: 'legal_proceedings',
      note: 'Zaak tegen [PERSON], mail [EMAIL], dossier 2026-17',
    });
    const bare = await place({ reasonCode: 'regulator_request' });
    expect(bare.body).toMatchObject({
      reasonCode: 'regulator_request',
      note: null,
      reason: 'regulator_request',
    });

    const { rows } = await db.query(`SELECT reason_code, note FROM legal_holds WHERE id = ANY($1::uuid[])`, [
      [res.body.id, bare.body.id],
    ]);
    expect(rows).toHaveLength(2);
    expect(JSON.stringify(rows)).not.toMatch(/Noor|Bakker|example\.nl/i);
    const listed = await api<{ items: { id: string; reasonCode: string }[] }>(
      apiApp.url,
      officer,
      'GET',
      '/api/legal-holds?status=active',
    );
    expect(listed.body.items).toContainEqual(
      expect.objectContaining({ id: res.body.id, reasonCode: 'legal_proceedings' }),
    );
    for (const id of [res.body.id, bare.body.id])
      expect((await api(apiApp.url, officer, 'DELETE', `/api/legal-holds/${id}`)).status).toBe(200);
  });
});

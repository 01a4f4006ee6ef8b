import { Client } from 'pg';
import { api, login, teamWithAgent, userWithRole } from '../support/api-client';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(120_000);

/** Lists that grow with use answer in bounded pages, however much is stored. */
describe('pagination caps', () => {
  const env = testEnv({ redisPrefix: `${process.env.TEST_REDIS_PREFIX}-caps` });
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;

  beforeAll(async () => {
    [apiApp, worker] = await Promise.all([startApi(env), startWorker(env)]);
    db = await connectTestDatabase();
  });

  afterAll(async () => {
    await db?.end();
    await Promise.all([worker?.kill(), apiApp?.kill()]);
  });

  it('shows the newest 500 messages of a long case and says older ones exist; escalations stop at 200', async () => {
    const lead = await teamWithAgent(apiApp.url, 'Admissions', 'team_lead');
    const phone = `3165${Date.now().toString().slice(-7)}`;
    await postWebhook(apiApp.url, waTextWebhook([{ from: phone, text: 'Eerste vraag' }]));
    let caseId = '';
    await waitFor(async () => {
      const { rows } = await db.query(
        `SELECT c.id FROM cases c JOIN messages m ON m.case_id = c.id WHERE m.text_pseudo = 'Eerste vraag'`,
      );
      caseId = rows[0]?.id ?? '';
      return Boolean(caseId);
    }, 30_000);
    const [{ channel_account_id: accountId }] = (
      await db.query(`SELECT channel_account_id FROM cases WHERE id = $1`, [caseId])
    ).rows;
    await db.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, text_enc, text_pseudo, sent_at)
       SELECT $1, $2, 'in', '\\x00', 'bericht ' || i, now() + i * interval '1 second' FROM generate_series(1, 510) i`,
      [caseId, accountId],
    );
    const detail = await api<{ messages: { text: string }[]; olderMessages: boolean }>(
      apiApp.url,
      lead.token,
      'GET',
      `/api/cases/${caseId}`,
    );
    expect(detail.status).toBe(200);
    expect(detail.body.messages).toHaveLength(500);
    expect(detail.body.olderMessages).toBe(true);
    expect(detail.body.messages[0].text).toBe('bericht 11');
    expect(detail.body.messages[499].text).toBe('bericht 510');

    await db.query(
      `INSERT INTO escalations (case_id, from_team_id, to_team_id, from_user_id, note_pseudo)
       SELECT $1, $2, $2, $3, 'zie [PERSON_1]' FROM generate_series(1, 205)`,
      [caseId, lead.teamId, lead.userId],
    );
    const escalations = await api<{ items: unknown[] }>(apiApp.url, lead.token, 'GET', '/api/escalations');
    expect(escalations.status).toBe(200);
    expect(escalations.body.items).toHaveLength(200);
    // The test database is shared by the files that run after this one.
    await db.query(`DELETE FROM escalations WHERE case_id = $1`, [caseId]);
    await db.query(`DELETE FROM messages WHERE case_id = $1 AND text_pseudo LIKE 'bericht %'`, [caseId]);
  });

  it('pages the audit trail: at most 500 events a page, 100 unless asked', async () => {
    const admin = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const officer = (await userWithRole(apiApp.url, admin, 'privacy_officer')).token;
    await db.query(
      `INSERT INTO audit_events (actor_id, action, object_type, prev_hash, hash)
       SELECT NULL, 'case.view_original', 'case', 'x', 'x' FROM generate_series(1, 600)`,
    );
    try {
      const page = await api<{ items: unknown[]; nextCursor: string | null }>(
        apiApp.url,
        officer,
        'GET',
        '/api/audit',
      );
      expect(page.body.items).toHaveLength(100);
      expect(page.body.nextCursor).not.toBeNull();
      expect((await api(apiApp.url, officer, 'GET', '/api/audit?limit=501')).status).toBe(400);
      const big = await api<{ items: unknown[] }>(apiApp.url, officer, 'GET', '/api/audit?limit=500');
      expect(big.body.items).toHaveLength(500);
    } finally {
      // Unchained rows would fail later verifications of the shared chain: take them out again.
      await db.query('BEGIN');
      await db.query('SET LOCAL session_replication_role = replica');
      await db.query(`DELETE FROM audit_events WHERE prev_hash = 'x'`);
      await db.query('COMMIT');
    }
  });
});

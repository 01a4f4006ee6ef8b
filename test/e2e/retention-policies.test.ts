import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { api, login, teamWithAgent, userWithRole } from '../support/api-client';
import { ADMIN, AppProcess } from '../support/processes';
import { retentionHarness } from '../support/retention-e2e';

jest.setTimeout(180_000);

/**
 * Retention, end to end (set-up in test/support/retention-e2e.ts). Who may use the privacy endpoints,
 * and the retention policies and per-account overrides.
 */
describe('retention and data-subject rights', () => {
  const h = retentionHarness();
  const { setPolicy } = h;
  let apiApp: AppProcess & { url: string };
  let db: Client;
  let officer: string;
  let agent: { teamId: string; userId: string; token: string };
  let accountId: string;
  beforeAll(() => {
    ({ apiApp, db, officer, agent, accountId } = h);
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
});

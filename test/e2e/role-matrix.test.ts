import { randomBytes } from 'node:crypto';
import { api, login } from '../support/api-client';
import { ADMIN, AppProcess, startApi, testEnv, waitFor, startWorker } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(120_000);

type Role = 'agent' | 'team_lead' | 'manager' | 'privacy_officer' | 'admin';
const ROLES: Role[] = ['agent', 'team_lead', 'manager', 'privacy_officer', 'admin'];
const NONE = '00000000-0000-4000-8000-000000000000';

interface Route {
  method: string;
  path: (ids: { caseId: string; teamId: string }) => string;
  body?: unknown;
  allowed: Role[];
}

/**
 * Every API route with the roles that may call it. Allowed roles get anything but 401/403
 * (a validation error or a 404 for a made-up id is fine); every other role gets 403, and
 * no token gets 401.
 */
const ROUTES: Route[] = [
  { method: 'GET', path: () => '/api/teams', allowed: ROLES },
  { method: 'POST', path: () => '/api/teams', body: {}, allowed: ['admin'] },
  { method: 'GET', path: () => '/api/users', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/users', body: {}, allowed: ['admin'] },
  { method: 'PATCH', path: () => `/api/users/${NONE}`, body: {}, allowed: ['admin'] },
  { method: 'PUT', path: () => `/api/channel-accounts/${NONE}/secrets`, body: {}, allowed: ['admin'] },
  { method: 'PUT', path: () => '/api/users/me/availability', body: { available: true }, allowed: ['agent'] },
  { method: 'GET', path: () => '/api/channel-accounts', allowed: ['admin'] },
  { method: 'POST', path: () => '/api/channel-accounts', body: {}, allowed: ['admin'] },
  {
    method: 'PATCH',
    path: () => `/api/channel-accounts/${NONE}/settings`,
    body: { humanAgentTag: true },
    allowed: ['admin'],
  },
  { method: 'GET', path: () => '/api/cases', allowed: ['agent', 'team_lead'] },
  { method: 'GET', path: (i) => `/api/cases/${i.caseId}`, allowed: ['agent', 'team_lead'] },
  {
    method: 'POST',
    path: () => `/api/cases/${NONE}/assign`,
    body: { userId: NONE },
    allowed: ['agent', 'team_lead'],
  },
  { method: 'POST', path: () => `/api/cases/${NONE}/close`, allowed: ['agent', 'team_lead'] },
  { method: 'POST', path: () => `/api/cases/${NONE}/notes`, body: { text: 'x' }, allowed: ['agent'] },
  {
    method: 'POST',
    path: () => `/api/cases/${NONE}/replies`,
    body: { text: 'x' },
    allowed: ['agent', 'team_lead'],
  },
  {
    method: 'POST',
    path: () => `/api/cases/${NONE}/replies/check`,
    body: { text: 'x' },
    allowed: ['agent', 'team_lead'],
  },
  { method: 'POST', path: () => `/api/cases/${NONE}/escalations`, body: {}, allowed: ['agent'] },
  { method: 'GET', path: () => `/api/cases/${NONE}/handover-preview?toTeamId=${NONE}`, allowed: ['agent'] },
  { method: 'POST', path: () => `/api/cases/${NONE}/redactions`, body: {}, allowed: ['agent'] },
  { method: 'DELETE', path: () => `/api/cases/${NONE}/redactions/${NONE}`, allowed: ['agent'] },
  { method: 'GET', path: () => '/api/escalations', allowed: ['agent', 'team_lead'] },
  {
    method: 'POST',
    path: () => `/api/escalations/${NONE}/answer`,
    body: { text: 'x' },
    allowed: ['agent', 'team_lead'],
  },
  { method: 'POST', path: () => `/api/escalations/${NONE}/take-over`, allowed: ['team_lead'] },
  { method: 'POST', path: () => `/api/cases/${NONE}/consents`, body: {}, allowed: ['agent', 'team_lead'] },
  { method: 'GET', path: () => `/api/cases/${NONE}/consents`, allowed: ['agent', 'team_lead'] },
  {
    method: 'POST',
    path: () => `/api/consents/${NONE}/record`,
    body: { evidenceMessageId: NONE },
    allowed: ['agent'],
  },
  { method: 'POST', path: () => `/api/consents/${NONE}/withdraw`, allowed: ['agent'] },
  { method: 'GET', path: () => '/api/canned-responses', allowed: ['agent', 'team_lead'] },
  { method: 'POST', path: () => '/api/canned-responses', body: {}, allowed: ['team_lead'] },
  { method: 'GET', path: () => '/api/audit', allowed: ['privacy_officer'] },
  { method: 'GET', path: () => '/api/audit/verify', allowed: ['privacy_officer'] },
  { method: 'GET', path: () => '/api/retention-policies', allowed: ['privacy_officer'] },
  {
    method: 'PUT',
    path: () => '/api/retention-policies/whatsapp',
    body: { period: 'not-a-period' },
    allowed: ['privacy_officer'],
  },
  {
    method: 'PUT',
    path: () => `/api/channel-accounts/${NONE}/retention`,
    body: { period: 'P30D' },
    allowed: ['privacy_officer'],
  },
  { method: 'POST', path: () => '/api/retention/sweep', allowed: ['privacy_officer'] },
  { method: 'GET', path: () => '/api/deletions', allowed: ['privacy_officer'] },
  { method: 'GET', path: () => '/api/audit/checkpoint', allowed: ['privacy_officer'] },
  { method: 'POST', path: () => '/api/audit/verify', body: {}, allowed: ['privacy_officer'] },
  { method: 'GET', path: () => '/api/legal-holds', allowed: ['privacy_officer'] },
  {
    method: 'POST',
    path: () => `/api/cases/${NONE}/legal-holds`,
    body: { reason: 'x' },
    allowed: ['privacy_officer'],
  },
  { method: 'DELETE', path: () => `/api/legal-holds/${NONE}`, allowed: ['privacy_officer'] },
  { method: 'POST', path: () => '/api/subjects/export', body: {}, allowed: ['privacy_officer'] },
  { method: 'POST', path: () => '/api/subjects/erase', body: {}, allowed: ['privacy_officer'] },
  {
    method: 'GET',
    path: () => '/api/reports/trends?from=2026-01-01&to=2026-01-31&groupBy=week,channel',
    allowed: ['manager', 'privacy_officer'],
  },
  {
    method: 'GET',
    path: () => '/api/reports/trends.csv?from=2026-01-01&to=2026-01-31',
    allowed: ['manager', 'privacy_officer'],
  },
];

describe('role × endpoint matrix', () => {
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  const tokens = {} as Record<Role, string>;
  const ids = { caseId: '', teamId: '' };

  beforeAll(async () => {
    const env = testEnv();
    apiApp = await startApi(env);
    worker = await startWorker(env);
    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const teams = await api<{ items: { id: string; name: string }[] }>(
      apiApp.url,
      adminToken,
      'GET',
      '/api/teams',
    );
    ids.teamId = teams.body.items.find((t) => t.name === 'Admissions')!.id;
    for (const role of ROLES) {
      const email = `matrix-${role}-${randomBytes(3).toString('hex')}@school.test`;
      const teamId = role === 'agent' || role === 'team_lead' ? ids.teamId : undefined;
      const res = await api(apiApp.url, adminToken, 'POST', '/api/users', {
        email,
        password: 'a-long-password-for-tests',
        name: role,
        role,
        teamId,
      });
      expect(res.status).toBe(201);
      tokens[role] = await login(apiApp.url, email, 'a-long-password-for-tests');
    }
    await postWebhook(apiApp.url, waTextWebhook([{ from: '31698765432', text: 'Vraag voor de matrix' }]));
    await waitFor(async () => {
      const list = await api<{ items: { id: string }[] }>(
        apiApp.url,
        tokens.agent,
        'GET',
        '/api/cases?status=all',
      );
      ids.caseId = list.body.items[0]?.id ?? '';
      return Boolean(ids.caseId);
    });
  });

  afterAll(async () => {
    await worker?.kill();
    await apiApp?.kill();
  });

  it('lets exactly the stated roles through every route', async () => {
    const failures: string[] = [];
    for (const route of ROUTES) {
      const path = route.path(ids);
      const anonymous = await api(apiApp.url, null, route.method, path, route.body);
      if (anonymous.status !== 401)
        failures.push(`${route.method} ${path} without token → ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await api(apiApp.url, tokens[role], route.method, path, route.body);
        const allowed = route.allowed.includes(role);
        const ok = allowed
          ? res.status !== 401 && res.status !== 403 && res.status < 500
          : res.status === 403;
        if (!ok)
          failures.push(
            `${route.method} ${path} as ${role} → ${res.status} (${allowed ? 'allowed' : 'forbidden'})`,
          );
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps case content from roles that have no need to know it', async () => {
    for (const role of ['manager', 'privacy_officer', 'admin'] as Role[]) {
      const res = await api(apiApp.url, tokens[role], 'GET', `/api/cases/${ids.caseId}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('matrix');
    }
  });
});

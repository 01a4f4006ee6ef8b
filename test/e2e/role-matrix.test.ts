import { api, login, teamNamed, USER_PASSWORD, userWithRole, type UserRole } from '../support/api-client';
import { apiRoutes, type ApiRoute } from '../support/api-routes';
import { ADMIN, AppProcess, startApi, testEnv, waitFor, startWorker } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(120_000);

type Role = UserRole;
const ROLES: Role[] = ['agent', 'team_lead', 'manager', 'privacy_officer', 'admin'];
const NONE = '00000000-0000-4000-8000-000000000000';

interface Ids {
  caseId: string;
}

/**
 * What a route is called with beyond the defaults (every `:param` a made-up id, `{}` as the body
 * of a POST, PUT or PATCH): a real case, a body or query that gets past validation, a period that
 * changes nothing. Keyed by `METHOD /path` as the controllers declare it.
 */
interface Sample {
  params?: (ids: Ids) => Record<string, string>;
  query?: string;
  body?: unknown;
  /** Calling it ends the caller's sessions: the role logs in again afterwards. */
  endsSession?: boolean;
}
const SAMPLES: Record<string, Sample> = {
  'POST /api/auth/logout': { endsSession: true },
  'PUT /api/users/me/availability': { body: { available: true } },
  'PATCH /api/channel-accounts/:id/settings': { body: { humanAgentTag: true } },
  'GET /api/cases/:id': { params: (i) => ({ id: i.caseId }) },
  'POST /api/cases/:id/assign': { body: { userId: NONE } },
  'POST /api/cases/:id/notes': { body: { text: 'x' } },
  'POST /api/cases/:id/replies': { body: { text: 'x' } },
  'POST /api/cases/:id/replies/check': { body: { text: 'x' } },
  'GET /api/cases/:id/handover-preview': { query: `toTeamId=${NONE}` },
  'POST /api/escalations/:id/answer': { body: { text: 'x' } },
  'POST /api/consents/:id/record': { body: { evidenceMessageId: NONE } },
  'PUT /api/retention-policies/:channel': {
    params: () => ({ channel: 'whatsapp' }),
    body: { period: 'not-a-period' },
  },
  'PUT /api/channel-accounts/:id/retention': { body: { period: 'P30D' } },
  'POST /api/cases/:id/legal-holds': { body: { reason: 'x' } },
  'GET /api/reports/trends': { query: 'from=2026-01-01&to=2026-01-31&groupBy=week,channel' },
  'GET /api/reports/trends.csv': { query: 'from=2026-01-01&to=2026-01-31' },
};

const routeKey = (r: ApiRoute) => `${r.method} ${r.path}`;

function request(route: ApiRoute, ids: Ids): { path: string; body: unknown } {
  const sample = SAMPLES[routeKey(route)] ?? {};
  const params = sample.params?.(ids) ?? {};
  const path = route.path.replace(/:(\w+)/g, (_, name: string) => params[name] ?? NONE);
  const hasBody = ['POST', 'PUT', 'PATCH'].includes(route.method);
  return {
    path: sample.query ? `${path}?${sample.query}` : path,
    body: sample.body ?? (hasBody ? {} : undefined),
  };
}

/**
 * Every api route, found in the controllers' metadata: a route must be @Public() or state its
 * @Roles(). Each stated role gets anything but 401/403 (a validation error or a 404 for a made-up
 * id is fine), every other role gets 403, and no token gets 401.
 */
describe('role × endpoint matrix', () => {
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let routes: ApiRoute[];
  const users = {} as Record<Role, { email: string; token: string }>;
  const ids: Ids = { caseId: '' };

  beforeAll(async () => {
    routes = await apiRoutes();
    const env = testEnv();
    apiApp = await startApi(env);
    worker = await startWorker(env);
    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const teamId = await teamNamed(apiApp.url, adminToken, 'Admissions');
    for (const role of ROLES) {
      const inTeam = role === 'agent' || role === 'team_lead';
      users[role] = await userWithRole(apiApp.url, adminToken, role, inTeam ? teamId : undefined);
    }
    await postWebhook(apiApp.url, waTextWebhook([{ from: '31698765432', text: 'Vraag voor de matrix' }]));
    await waitFor(async () => {
      const list = await api<{ items: { id: string }[] }>(
        apiApp.url,
        users.agent.token,
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

  it('finds the routes, each either public or with its roles, and no sample for a route that is gone', () => {
    expect(routes.map(routeKey)).toContain('GET /api/cases');
    const undeclared = routes.filter((r) => !r.isPublic && !r.roles?.length).map((r) => r.handler);
    expect(undeclared).toEqual([]);
    const known = new Set(routes.map(routeKey));
    expect(Object.keys(SAMPLES).filter((k) => !known.has(k))).toEqual([]);
  });

  it('lets exactly the stated roles through every route', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((r) => !r.isPublic)) {
      const { path, body } = request(route, ids);
      const anonymous = await api(apiApp.url, null, route.method, path, body);
      if (anonymous.status !== 401)
        failures.push(`${route.method} ${path} without token → ${anonymous.status}`);
      for (const role of ROLES) {
        const res = await api(apiApp.url, users[role].token, route.method, path, body);
        if (SAMPLES[routeKey(route)]?.endsSession)
          users[role].token = await login(apiApp.url, users[role].email, USER_PASSWORD);
        const allowed = route.roles?.includes(role) ?? false;
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
      const res = await api(apiApp.url, users[role].token, 'GET', `/api/cases/${ids.caseId}`);
      expect(res.status).toBe(403);
      expect(JSON.stringify(res.body)).not.toContain('matrix');
    }
  });
});

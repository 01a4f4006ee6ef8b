import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { api, teamWithAgent } from '../support/api-client';
import { GraphStandIn } from '../support/graph-stand-in';
import { testKeyRing } from '../support/keys';
import { AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(120_000);

interface CaseDetail {
  view: 'original' | 'pseudonymized';
  messages: { id: string; direction: 'in' | 'out'; text: string }[];
}

/**
 * A consent is for one purpose, one receiving team and one case: it shows that team that case's
 * original and nothing else, and withdrawing it takes that away with the next request.
 */
describe('consent scope', () => {
  const graph = new GraphStandIn();
  const keyRing = testKeyRing();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let agent: Awaited<ReturnType<typeof teamWithAgent>>;
  let intl: Awaited<ReturnType<typeof teamWithAgent>>;
  let finance: Awaited<ReturnType<typeof teamWithAgent>>;

  beforeAll(async () => {
    await graph.start();
    const env = testEnv({ graphBaseUrl: graph.baseUrl });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    const tag = randomBytes(3).toString('hex');
    agent = await teamWithAgent(apiApp.url, 'Admissions');
    intl = await teamWithAgent(apiApp.url, `International ${tag}`, 'team_lead');
    finance = await teamWithAgent(apiApp.url, `Finance ${tag}`, 'team_lead');
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill();
    await apiApp?.kill();
    await graph.stop();
  });

  const call = <T = unknown>(token: string, method: string, path: string, body?: unknown) =>
    api<T>(apiApp.url, token, method, path, body);
  const view = async (token: string, caseId: string) =>
    (await call<CaseDetail>(token, 'GET', `/api/cases/${caseId}`)).body.view;

  /** A person writes from a fresh number; returns the case the worker files it in. */
  async function personWrites(
    text: string,
    from = `3164${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`,
  ) {
    expect((await postWebhook(apiApp.url, waTextWebhook([{ from, text }]))).status).toBe(200);
    const hash = keyRing.lookupHash(`whatsapp:user:${from}`);
    let caseId = '';
    await waitFor(async () => {
      const rows = await db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_hash = $1
          ORDER BY c.created_at DESC LIMIT 1`,
        [hash],
      );
      caseId = rows.rows[0]?.id ?? '';
      return Boolean(caseId);
    });
    return { caseId, from };
  }

  async function escalate(caseId: string, toTeamId: string): Promise<string> {
    const esc = await call<{ id: string }>(agent.token, 'POST', `/api/cases/${caseId}/escalations`, {
      toTeamId,
      note: 'Kunnen jullie meekijken?',
    });
    expect(esc.status).toBe(201);
    return esc.body.id;
  }

  /** The person answers the question; an agent who sees the original records it as evidence. */
  async function personConsents(caseId: string, from: string, consentId: string, token = agent.token) {
    const text = `JA hoor ${randomBytes(2).toString('hex')}`;
    expect((await postWebhook(apiApp.url, waTextWebhook([{ from, text }]))).status).toBe(200);
    let answerId = '';
    await waitFor(async () => {
      const msgs = (await call<CaseDetail>(agent.token, 'GET', `/api/cases/${caseId}`)).body.messages;
      answerId = msgs.find((m) => m.direction === 'in' && m.text === text)?.id ?? '';
      return Boolean(answerId);
    });
    const given = await call<{ status: string }>(token, 'POST', `/api/consents/${consentId}/record`, {
      evidenceMessageId: answerId,
    });
    expect(given.body.status).toBe('given');
  }

  it('grants the original to its own team, for its own case, and withdrawing takes it away at once', async () => {
    const email = `scope.${randomBytes(3).toString('hex')}@example.nl`;
    const { caseId, from } = await personWrites(
      `Hoi, ik ben Mirthe Bosman, mail ${email}. Telt mijn diploma?`,
    );
    const other = await personWrites(`Hoi, ik ben Sjoerd Aalbers. Hoe vraag ik huurtoeslag aan?`);
    const intlEsc = await escalate(caseId, intl.teamId);
    const financeEsc = await escalate(caseId, finance.teamId);
    await escalate(other.caseId, intl.teamId);

    // Typed text is no purpose: only the listed codes are.
    const typed = await call(agent.token, 'POST', `/api/cases/${caseId}/consents`, {
      teamId: intl.teamId,
      purpose: 'doorsturen naar Mirthe haar mentor',
    });
    expect(typed.status).toBe(400);

    const asked = await call<{ id: string; requestMessageId: string; purpose: string }>(
      agent.token,
      'POST',
      `/api/cases/${caseId}/consents`,
      { teamId: intl.teamId, purpose: 'diploma_evaluation' },
    );
    expect(asked.status).toBe(201);
    expect(asked.body.purpose).toBe('diploma_evaluation');
    await waitFor(() =>
      graph.requests.some((r) => r.body.biz_opaque_callback_data === asked.body.requestMessageId),
    );
    const question = graph.requests.find(
      (r) => r.body.biz_opaque_callback_data === asked.body.requestMessageId,
    )!;
    expect((question.body.text as { body: string }).body).toContain(
      'zodat zij je diploma en vooropleiding kunnen beoordelen?',
    );

    // Asked is not given.
    expect(await view(intl.token, caseId)).toBe('pseudonymized');

    await personConsents(caseId, from, asked.body.id);

    // Its own team, its own case: International sees this case's original, Finance does not, nor
    // does International see the other person's case.
    expect(await view(intl.token, caseId)).toBe('original');
    expect(await view(finance.token, caseId)).toBe('pseudonymized');
    expect(JSON.stringify((await call(finance.token, 'GET', `/api/cases/${caseId}`)).body)).not.toContain(
      email,
    );
    expect((await call(finance.token, 'POST', `/api/escalations/${financeEsc}/take-over`)).status).toBe(403);
    expect(await view(intl.token, other.caseId)).toBe('pseudonymized');

    const withdrawn = await call<{ status: string }>(
      agent.token,
      'POST',
      `/api/consents/${asked.body.id}/withdraw`,
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    // The very next request: no cache stands between a withdrawal and the access it revokes.
    expect(await view(intl.token, caseId)).toBe('pseudonymized');
    expect(JSON.stringify((await call(intl.token, 'GET', `/api/cases/${caseId}`)).body)).not.toContain(email);
    expect((await call(intl.token, 'POST', `/api/escalations/${intlEsc}/take-over`)).status).toBe(403);
    const listed = await call<{ items: { id: string; consent: string | null }[] }>(
      intl.token,
      'GET',
      '/api/escalations',
    );
    expect(listed.body.items.find((e) => e.id === intlEsc)?.consent).toBe('withdrawn');
  });

  it('hands a taken-over case back when the consent it rested on is withdrawn', async () => {
    const intlAgent = await teamWithAgent(apiApp.url, '', 'agent', intl.teamId);
    const { caseId, from } = await personWrites(
      'Hoi, ik ben Ilse de Wit. Kan ik met mijn IB-diploma instromen?',
    );
    const esc = await escalate(caseId, intl.teamId);
    const asked = await call<{ id: string }>(agent.token, 'POST', `/api/cases/${caseId}/consents`, {
      teamId: intl.teamId,
      purpose: 'application_handling',
    });
    expect(asked.status).toBe(201);
    await personConsents(caseId, from, asked.body.id);
    expect((await call(intl.token, 'POST', `/api/escalations/${esc}/take-over`)).status).toBe(200);
    expect(await view(intlAgent.token, caseId)).toBe('original');
    expect((await call(agent.token, 'GET', `/api/cases/${caseId}`)).status).toBe(404);

    const withdrawn = await call<{ status: string }>(
      intlAgent.token,
      'POST',
      `/api/consents/${asked.body.id}/withdraw`,
    );
    expect(withdrawn.body.status).toBe('withdrawn');
    expect(await view(intlAgent.token, caseId)).toBe('pseudonymized');
    expect(await view(agent.token, caseId)).toBe('original');
    const listed = await call<{ items: { id: string; status: string; consent: string | null }[] }>(
      intl.token,
      'GET',
      '/api/escalations',
    );
    expect(listed.body.items.find((e) => e.id === esc)).toMatchObject({
      status: 'open',
      consent: 'withdrawn',
    });
  });
});

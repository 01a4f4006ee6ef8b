import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testKeyRing } from './keys';
import { api, teamWithAgent, userWithRole, type UserRole } from './api-client';
import { GraphStandIn } from './graph-stand-in';
import { AppProcess, startApi, startWorker, testEnv, waitFor } from './processes';
import { postWebhook, waTextWebhook } from './whatsapp-payloads';
import { connectTestDatabase } from './databases';

interface CaseDetail {
  id: string;
  status: string;
  teamId: string;
  assigneeId: string | null;
  view: 'original' | 'pseudonymized';
  noticeVersion: string | null;
  retentionPeriod: string | null;
  retainUntil: string | null;
  messages: {
    id: string;
    direction: 'in' | 'out';
    text: string;
    deliveryStatus: string | null;
    errorCode: string | null;
  }[];
}

type TeamUser = Awaited<ReturnType<typeof teamWithAgent>>;

/**
 * Shared set-up of the inbox e2e files: the built api and worker against a Graph stand-in, an agent
 * and a team lead of one team and the lead of another. Registers the file's beforeAll/afterAll (call
 * it inside the describe); the fields are set once beforeAll ran.
 */
export function inboxHarness() {
  const graph = new GraphStandIn();
  const keyRing = testKeyRing();
  const h = {
    graph,
    env: {} as Record<string, string>,
    apiApp: undefined as unknown as AppProcess & { url: string },
    worker: undefined as unknown as AppProcess,
    db: undefined as unknown as Client,
    agent: undefined as unknown as TeamUser,
    lead: undefined as unknown as TeamUser,
    intl: undefined as unknown as TeamUser,
    detail: (token: string, id: string) => api<CaseDetail>(h.apiApp.url, token, 'GET', `/api/cases/${id}`),
    /** Sends a reply as the agent; `T` is the answer's body the test expects. */
    postReply: <T = unknown>(caseId: string, text: string) =>
      api<T>(h.apiApp.url, h.agent.token, 'POST', `/api/cases/${caseId}/replies`, { text }),
    newCase,
    createUser,
  };

  beforeAll(async () => {
    await graph.start();
    h.env = testEnv({ graphBaseUrl: graph.baseUrl });
    h.apiApp = await startApi(h.env);
    h.worker = await startWorker(h.env);
    h.db = await connectTestDatabase();
    h.agent = await teamWithAgent(h.apiApp.url, 'Admissions');
    h.lead = await teamWithAgent(h.apiApp.url, 'Admissions', 'team_lead');
    h.intl = await teamWithAgent(
      h.apiApp.url,
      `International ${randomBytes(3).toString('hex')}`,
      'team_lead',
    );
    // Only this test's agent takes new cases, so assignment is predictable.
    await h.db.query(`UPDATE users SET available = false WHERE role = 'agent' AND id <> $1`, [
      h.agent.userId,
    ]);
  });

  afterAll(async () => {
    await h.db?.end();
    await h.worker?.kill();
    await h.apiApp?.kill();
    await graph.stop();
  });

  /** Sends a message from a fresh sender and returns the case the worker files it in. */
  async function newCase(
    text: string,
    opts: { from?: string; timestamp?: number } = {},
  ): Promise<{ caseId: string; from: string }> {
    const from = opts.from ?? `3165${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const hash = keyRing.lookupHash(`whatsapp:user:${from}`);
    expect(
      (await postWebhook(h.apiApp.url, waTextWebhook([{ from, text, timestamp: opts.timestamp }]))).status,
    ).toBe(200);
    let caseId = '';
    await waitFor(async () => {
      const rows = await h.db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_hash = $1 ORDER BY c.created_at DESC LIMIT 1`,
        [hash],
      );
      caseId = rows.rows[0]?.id ?? '';
      return Boolean(caseId);
    });
    return { caseId, from };
  }

  async function createUser(adminToken: string, role: UserRole): Promise<string> {
    return (await userWithRole(h.apiApp.url, adminToken, role)).token;
  }

  return h;
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { testKeyRing } from '../support/keys';
import { api, connectSocket, login, teamWithAgent, userWithRole, type UserRole } from '../support/api-client';
import { accept, GraphStandIn } from '../support/graph-stand-in';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor, WHATSAPP } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(120_000);

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

describe('inbox workflow: replies, minimization, escalation, consent, audit', () => {
  const graph = new GraphStandIn();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let env: Record<string, string>;
  let db: Client;
  let agent: Awaited<ReturnType<typeof teamWithAgent>>;
  let lead: Awaited<ReturnType<typeof teamWithAgent>>;
  let intl: Awaited<ReturnType<typeof teamWithAgent>>;

  beforeAll(async () => {
    await graph.start();
    env = testEnv({ graphBaseUrl: graph.baseUrl });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    db = await connectTestDatabase();
    agent = await teamWithAgent(apiApp.url, 'Admissions');
    lead = await teamWithAgent(apiApp.url, 'Admissions', 'team_lead');
    intl = await teamWithAgent(apiApp.url, `International ${randomBytes(3).toString('hex')}`, 'team_lead');
    // Only this test's agent takes new cases, so assignment is predictable.
    await db.query(`UPDATE users SET available = false WHERE role = 'agent' AND id <> $1`, [agent.userId]);
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill();
    await apiApp?.kill();
    await graph.stop();
  });

  const detail = (token: string, id: string) => api<CaseDetail>(apiApp.url, token, 'GET', `/api/cases/${id}`);

  const keyRing = testKeyRing();

  /** Sends a message from a fresh sender and returns the case the worker files it in. */
  async function newCase(
    text: string,
    opts: { from?: string; timestamp?: number } = {},
  ): Promise<{ caseId: string; from: string }> {
    const from = opts.from ?? `3165${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const hash = keyRing.lookupHash(`whatsapp:user:${from}`);
    expect(
      (await postWebhook(apiApp.url, waTextWebhook([{ from, text, timestamp: opts.timestamp }]))).status,
    ).toBe(200);
    let caseId = '';
    await waitFor(async () => {
      const rows = await db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_hash = $1 ORDER BY c.created_at DESC LIMIT 1`,
        [hash],
      );
      caseId = rows.rows[0]?.id ?? '';
      return Boolean(caseId);
    });
    return { caseId, from };
  }

  it('assigns new cases round-robin and sends the first reply with the privacy notice, exactly once', async () => {
    const { caseId, from } = await newCase('Hoi, wanneer is de open dag voor Biologie?');
    const opened = await detail(agent.token, caseId);
    expect(opened.status).toBe(200);
    expect(opened.body.assigneeId).toBe(agent.userId);
    const sentBefore = graph.requests.length;

    const reply = await api<{ id: string; status: string; warnings: unknown[] }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      {
        text: 'Hoi! De open dag is op zaterdag 14 maart. Je bent van harte welkom.',
      },
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toEqual({ id: expect.any(String), status: 'queued', warnings: [] });

    await waitFor(async () => (await detail(agent.token, caseId)).body.status === 'answered');
    const sent = graph.requests.slice(sentBefore);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `/v21.0/${WHATSAPP.phoneNumberId}/messages`,
      authorization: `Bearer ${WHATSAPP.accessToken}`,
    });
    expect(sent[0].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: from,
      type: 'text',
      text: { preview_url: false, body: expect.stringContaining('De open dag is op zaterdag 14 maart') },
      biz_opaque_callback_data: reply.body.id,
    });
    const body = (sent[0].body.text as { body: string }).body;
    expect(body).toMatch(/30 dagen/);
    expect(body).toContain('https://');

    const after = (await detail(agent.token, caseId)).body;
    expect(after).toMatchObject({ status: 'answered', noticeVersion: 'v1', retentionPeriod: 'P30D' });
    expect(Date.parse(after.retainUntil!)).toBeGreaterThan(Date.now() + 29 * 86_400_000);
    expect(after.messages.find((m) => m.id === reply.body.id)?.deliveryStatus).toBe('sent');

    await api(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, { text: 'Tot dan!' });
    await waitFor(() => graph.requests.length === sentBefore + 2);
    expect((graph.requests[sentBefore + 1].body.text as { body: string }).body).toBe('Tot dan!');
  });

  it('refuses asks for BSN, ID and bank numbers, warns about other identifiers and strips tracking parameters', async () => {
    const { caseId } = await newCase('Hello, what are the tuition fees for the MSc?');
    const check = (text: string) =>
      api<{ text: string; warnings: { code: string }[]; refusal: { code: string; message: string } | null }>(
        apiApp.url,
        agent.token,
        'POST',
        `/api/cases/${caseId}/replies/check`,
        { text },
      );
    expect((await check('Kun je je BSN even sturen?')).body.refusal?.code).toBe('ASKS_FOR_BSN');
    expect((await check('Could you send us a copy of your passport?')).body.refusal?.code).toBe(
      'ASKS_FOR_ID_DOCUMENT',
    );
    const refused = await api<{ error: { code: string; message: string } }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      {
        text: 'Please send us your IBAN so we can refund you.',
      },
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ASKS_FOR_BANK_ACCOUNT');
    expect(refused.body.error.message.length).toBeGreaterThan(20);

    const warned = await api<{ warnings: { code: string }[] }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      {
        text: 'The fees are listed here: https://www.school.test/fees?utm_source=facebook&fbclid=abc&year=2027 — what is your phone number?',
      },
    );
    expect(warned.status).toBe(201);
    expect(warned.body.warnings.map((w) => w.code).sort()).toEqual([
      'ASKS_FOR_PHONE',
      'TRACKING_PARAMETERS_REMOVED',
    ]);
    await waitFor(() =>
      graph.requests.some((r) => String((r.body.text as { body: string })?.body).includes('fees?year=2027')),
    );
    expect(graph.requests.some((r) => JSON.stringify(r.body).includes('utm_source'))).toBe(false);
  });

  it('explains a closed 24-hour window before sending and when the platform reports it', async () => {
    const stale = await newCase('Is er nog plek?', { timestamp: Math.floor(Date.now() / 1000) - 25 * 3600 });
    const early = await api<{ error: { code: string; message: string } }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${stale.caseId}/replies`,
      {
        text: 'Ja hoor!',
      },
    );
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('WINDOW_CLOSED');
    expect(early.body.error.message).toMatch(/template/);

    const { caseId } = await newCase('Nog een vraag over de deadline');
    graph.behaviour = () => ({
      status: 400,
      body: {
        error: { message: 'Re-engagement message', type: 'OAuthException', code: 131047, fbtrace_id: 'x' },
      },
    });
    try {
      const reply = await api<{ id: string }>(
        apiApp.url,
        agent.token,
        'POST',
        `/api/cases/${caseId}/replies`,
        { text: 'De deadline is 1 mei.' },
      );
      await waitFor(
        async () =>
          (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)
            ?.deliveryStatus === 'failed',
      );
      const msg = (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)!;
      expect(msg.errorCode).toBe('WINDOW_CLOSED');
    } finally {
      graph.behaviour = accept;
    }
  });

  it('retries throttling and 5xx, and never sends twice when the worker dies mid-send', async () => {
    const { caseId } = await newCase('Vraag over huisvesting');
    let calls = 0;
    graph.behaviour = (req) =>
      ++calls === 1 ? { status: 503, body: { error: { message: 'busy', code: 2 } } } : accept(req);
    const first = await api<{ id: string }>(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Kijk op de website.',
    });
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === first.body.id)
          ?.deliveryStatus === 'sent',
    );
    expect(graph.requests.filter((r) => r.body.biz_opaque_callback_data === first.body.id)).toHaveLength(2);

    graph.behaviour = (req) => ({ ...accept(req), delayMs: 4000 });
    const reply = await api<{ id: string }>(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Nog één ding.',
    });
    const forReply = () => graph.requests.filter((r) => r.body.biz_opaque_callback_data === reply.body.id);
    await waitFor(() => forReply().length === 1);
    await worker.kill('SIGKILL');
    graph.behaviour = accept;
    worker = await startWorker(env);
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)
          ?.deliveryStatus === 'unknown',
      30_000,
    );
    expect(forReply()).toHaveLength(1);

    // The platform's status webhook echoes our message id and settles the unknown outcome.
    const statusBody = {
      object: 'whatsapp_business_account',
      entry: [
        {
          id: '1',
          changes: [
            {
              field: 'messages',
              value: {
                messaging_product: 'whatsapp',
                metadata: { display_phone_number: '31850001234', phone_number_id: WHATSAPP.phoneNumberId },
                statuses: [
                  {
                    id: 'wamid.settled' + randomBytes(4).toString('hex'),
                    status: 'delivered',
                    timestamp: String(Math.floor(Date.now() / 1000)),
                    recipient_id: '31600000000',
                    biz_opaque_callback_data: reply.body.id,
                  },
                ],
              },
            },
          ],
        },
      ],
    };
    expect((await postWebhook(apiApp.url, statusBody)).status).toBe(200);
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)
          ?.deliveryStatus === 'delivered',
    );
  });

  it('escalates pseudonymized, reveals only with recorded consent, and audits it all', async () => {
    const tag = randomBytes(4).toString('hex');
    const email = `escalated.${tag}@example.nl`;
    const { caseId } = await newCase(
      `Hoi, ik ben Jorien Kuipers. Ik heb een mbo-diploma uit Suriname. Mail me op ${email}`,
    );
    const note = `Jorien Kuipers vraagt of haar diploma volstaat; ze is bereikbaar via ${email}`;
    const esc = await api<{ id: string }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/escalations`,
      { toTeamId: intl.teamId, note },
    );
    expect(esc.status).toBe(201);

    const list = await api<{ items: { id: string; note: string; messages: { text: string }[] }[] }>(
      apiApp.url,
      intl.token,
      'GET',
      '/api/escalations',
    );
    const item = list.body.items.find((i) => i.id === esc.body.id)!;
    const seen = JSON.stringify(item);
    expect(seen).not.toContain(email);
    expect(seen).not.toContain('Kuipers');
    const emailToken = /\[EMAIL_\d+\]/.exec(item.note)![0];
    const personToken = /\[PERSON_\d+\]/.exec(item.note)![0];
    expect(item.messages[0].text).toContain(emailToken);
    expect(item.messages[0].text).toContain(personToken);

    const pseudo = await detail(intl.token, caseId);
    expect(pseudo.body.view).toBe('pseudonymized');
    expect(JSON.stringify(pseudo.body)).not.toContain(email);
    expect(
      (await api(apiApp.url, intl.token, 'POST', `/api/escalations/${esc.body.id}/take-over`)).status,
    ).toBe(403);
    expect((await detail(lead.token, caseId)).body.view).toBe('pseudonymized');

    // The receiving team asks for itself only; the question goes out through the owning team's channel.
    const forOther = await api(apiApp.url, intl.token, 'POST', `/api/cases/${caseId}/consents`, {
      teamId: agent.teamId,
      purpose: 'diploma_evaluation',
    });
    expect(forOther.status).toBe(403);
    const consent = await api<{ id: string; status: string; requestMessageId: string }>(
      apiApp.url,
      intl.token,
      'POST',
      `/api/cases/${caseId}/consents`,
      {
        teamId: intl.teamId,
        purpose: 'diploma_evaluation',
      },
    );
    expect(consent.status).toBe(201);
    expect(consent.body.status).toBe('requested');
    await waitFor(() =>
      graph.requests.some((r) => r.body.biz_opaque_callback_data === consent.body.requestMessageId),
    );
    const contact = await detail(agent.token, caseId);
    const sender = graph.requests.find(
      (r) => r.body.biz_opaque_callback_data === consent.body.requestMessageId,
    )!.body.to as string;
    expect(
      (await postWebhook(apiApp.url, waTextWebhook([{ from: sender, text: 'JA, dat is goed' }]))).status,
    ).toBe(200);
    let answerId = '';
    await waitFor(async () => {
      const msgs = (await detail(agent.token, caseId)).body.messages;
      answerId = msgs.find((m) => m.direction === 'in' && m.text === 'JA, dat is goed')?.id ?? '';
      return Boolean(answerId) && msgs.length > contact.body.messages.length;
    });
    const wrongEvidence = await api(
      apiApp.url,
      agent.token,
      'POST',
      `/api/consents/${consent.body.id}/record`,
      {
        evidenceMessageId: consent.body.requestMessageId,
      },
    );
    expect(wrongEvidence.status).toBe(400);
    const recorded = await api<{ status: string }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/consents/${consent.body.id}/record`,
      {
        evidenceMessageId: answerId,
      },
    );
    expect(recorded.body.status).toBe('given');

    const revealed = await detail(intl.token, caseId);
    expect(revealed.body.view).toBe('original');
    expect(JSON.stringify(revealed.body.messages)).toContain(email);

    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    expect((await api(apiApp.url, adminToken, 'GET', '/api/audit')).status).toBe(403);
    const officer = await createUser(adminToken, 'privacy_officer');
    const audit = await api<{ items: { action: string; objectId: string }[] }>(
      apiApp.url,
      officer,
      'GET',
      '/api/audit?limit=500',
    );
    const actions = audit.body.items.map((a) => a.action);
    for (const a of [
      'escalation.created',
      'consent.requested',
      'consent.given',
      'case.reveal_original',
      'case.view_original',
      'reply.queued',
    ]) {
      expect(actions).toContain(a);
    }
    expect(JSON.stringify(audit.body)).not.toContain(email);

    const takeOver = await api<{ status: string }>(
      apiApp.url,
      intl.token,
      'POST',
      `/api/escalations/${esc.body.id}/take-over`,
    );
    expect(takeOver.body.status).toBe('taken_over');
    expect((await detail(intl.token, caseId)).body.teamId).toBe(intl.teamId);

    // The case now belongs to the receiving team: the original team no longer sees it.
    expect((await detail(agent.token, caseId)).status).toBe(404);
  });

  it('keeps the audit log append-only and detects rows altered by hand', async () => {
    const adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const officer = await createUser(adminToken, 'privacy_officer');
    const verify = () =>
      api<{ valid: boolean; events: number }>(apiApp.url, officer, 'GET', '/api/audit/verify');
    const before = await verify();
    expect(before.body.valid).toBe(true);
    expect(before.body.events).toBeGreaterThan(3);

    await expect(
      db.query(`UPDATE audit_events SET action = 'x' WHERE id = (SELECT min(id) FROM audit_events)`),
    ).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM audit_events`)).rejects.toThrow(/append-only/);

    const [row] = (await db.query(`SELECT id, action FROM audit_events ORDER BY id LIMIT 1 OFFSET 1`)).rows;
    const tamper = async (action: string) => {
      await db.query('BEGIN');
      await db.query(`SET LOCAL session_replication_role = replica`);
      await db.query(`UPDATE audit_events SET action = $2 WHERE id = $1`, [row.id, action]);
      await db.query('COMMIT');
    };
    await tamper('case.closed');
    try {
      expect((await verify()).body).toEqual({ valid: false, events: before.body.events });
    } finally {
      await tamper(row.action);
    }
    expect((await verify()).body.valid).toBe(true);
  });

  it('shows who is viewing a case to the team', async () => {
    const { caseId } = await newCase('Presence check');
    const a = await connectSocket(apiApp.url, agent.token);
    const b = await connectSocket(apiApp.url, lead.token);
    try {
      const ack = await a.socket.emitWithAck('case.viewing', { caseId });
      expect(ack).toEqual({ ok: true });
      await waitFor(() => b.events.some((e) => e.event === 'presence.updated'));
      expect(b.events.find((e) => e.event === 'presence.updated')!.payload).toEqual({
        caseId,
        userIds: [agent.userId],
      });
      const outsider = await connectSocket(apiApp.url, intl.token);
      expect(await outsider.socket.emitWithAck('case.viewing', { caseId })).toEqual({ ok: false });
      outsider.socket.disconnect();
    } finally {
      a.socket.disconnect();
      b.socket.disconnect();
    }
  });

  async function createUser(adminToken: string, role: UserRole): Promise<string> {
    return (await userWithRole(apiApp.url, adminToken, role)).token;
  }
});

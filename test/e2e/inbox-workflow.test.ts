import { randomBytes } from 'node:crypto';
import { api, connectSocket } from '../support/api-client';
import { accept } from '../support/graph-stand-in';
import { AppProcess, startWorker, waitFor, WHATSAPP } from '../support/processes';
import { postWebhook, waStatusWebhook } from '../support/whatsapp-payloads';
import { inboxHarness } from '../support/inbox-e2e';

jest.setTimeout(120_000);

/** Replies, minimization, the 24-hour window, retries and presence (set-up in test/support/inbox-e2e.ts). */
describe('inbox workflow: replies, minimization, escalation, consent, audit', () => {
  const h = inboxHarness();
  const { graph, detail, newCase, postReply } = h;
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let env: Record<string, string>;
  let agent: typeof h.agent;
  let lead: typeof h.lead;
  let intl: typeof h.intl;
  beforeAll(() => {
    ({ apiApp, worker, env, agent, lead, intl } = h);
  });

  it('assigns new cases round-robin and sends the first reply with the privacy notice, exactly once', async () => {
    const { caseId, from } = await newCase('Hoi, wanneer is de open dag voor Biologie?');
    const opened = await detail(agent.token, caseId);
    expect(opened.status).toBe(200);
    expect(opened.body.assigneeId).toBe(agent.userId);
    const sentBefore = graph.requests.length;

    const reply = await postReply<{ id: string; status: string; warnings: unknown[] }>(
      caseId,
      'Hoi! De open dag is op zaterdag 14 maart. Je bent van harte welkom.',
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

    await postReply(caseId, 'Tot dan!');
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
    const refused = await postReply<{ error: { code: string; message: string } }>(
      caseId,
      'Please send us your IBAN so we can refund you.',
    );
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('ASKS_FOR_BANK_ACCOUNT');
    expect(refused.body.error.message.length).toBeGreaterThan(20);

    const warned = await postReply<{ warnings: { code: string }[] }>(
      caseId,
      'The fees are listed here: https://www.school.test/fees?utm_source=facebook&fbclid=abc&year=2027 — what is your phone number?',
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
    const early = await postReply<{ error: { code: string; message: string } }>(stale.caseId, 'Ja hoor!');
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
      const reply = await postReply<{ id: string }>(caseId, 'De deadline is 1 mei.');
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
    const first = await postReply<{ id: string }>(caseId, 'Kijk op de website.');
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === first.body.id)
          ?.deliveryStatus === 'sent',
    );
    expect(graph.requests.filter((r) => r.body.biz_opaque_callback_data === first.body.id)).toHaveLength(2);

    graph.behaviour = (req) => ({ ...accept(req), delayMs: 4000 });
    const reply = await postReply<{ id: string }>(caseId, 'Nog één ding.');
    const forReply = () => graph.requests.filter((r) => r.body.biz_opaque_callback_data === reply.body.id);
    await waitFor(() => forReply().length === 1);
    await worker.kill('SIGKILL');
    graph.behaviour = accept;
    worker = h.worker = await startWorker(env);
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)
          ?.deliveryStatus === 'unknown',
      30_000,
    );
    expect(forReply()).toHaveLength(1);

    // The platform's status webhook echoes our message id and settles the unknown outcome.
    const statusBody = waStatusWebhook({
      id: 'wamid.settled' + randomBytes(4).toString('hex'),
      status: 'delivered',
      recipientId: '31600000000',
      callbackData: reply.body.id,
    });
    expect((await postWebhook(apiApp.url, statusBody)).status).toBe(200);
    await waitFor(
      async () =>
        (await detail(agent.token, caseId)).body.messages.find((m) => m.id === reply.body.id)
          ?.deliveryStatus === 'delivered',
    );
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
});

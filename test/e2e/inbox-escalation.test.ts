import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { api, login } from '../support/api-client';
import { ADMIN, AppProcess, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { inboxHarness } from '../support/inbox-e2e';

jest.setTimeout(120_000);

/** Escalation with consent, and the append-only audit log (set-up in test/support/inbox-e2e.ts). */
describe('inbox workflow: replies, minimization, escalation, consent, audit', () => {
  const h = inboxHarness();
  const { graph, detail, newCase, createUser } = h;
  let apiApp: AppProcess & { url: string };
  let db: Client;
  let agent: typeof h.agent;
  let lead: typeof h.lead;
  let intl: typeof h.intl;
  beforeAll(() => {
    ({ apiApp, db, agent, lead, intl } = h);
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
});

import { api, connectSocket, login, teamWithAgent, userWithRole, type UserRole } from '../support/api-client';
import { ADMIN, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { ingestApps } from '../support/ingest-apps';

jest.setTimeout(90_000);

interface PreviewText {
  text: string;
  tokens: { token: string; type: string; start: number; end: number }[];
}
interface Preview {
  view: string;
  messages: ({ id: string } & PreviewText)[];
  notes: unknown[];
  draftNote: PreviewText | null;
}

/** A nickname the person uses as an identifier: no list or pattern knows it, so the engine misses it. */
const NICKNAME = 'Knalpijp';

describe('hand-over preview and marking missed identifiers (api + worker)', () => {
  const apps = ingestApps();

  it('shows the receiving team view, and a marked value disappears from every view of that team', async () => {
    const agent = await teamWithAgent(apps.apiApp.url, 'Admissions');
    const ownLead = await teamWithAgent(apps.apiApp.url, 'Admissions', 'team_lead', agent.teamId);
    const intl = await teamWithAgent(apps.apiApp.url, `International ${Date.now()}`, 'team_lead');
    const from = `3162${Math.floor(1e7 + Math.random() * 8e7)}`;
    const { socket, events } = await connectSocket(apps.apiApp.url, agent.token);
    const created = () => events.filter((e) => e.event === 'message.created').length;
    const url = (caseId: string, extra = '') =>
      `/api/cases/${caseId}/handover-preview?toTeamId=${intl.teamId}${extra}`;
    try {
      const first = `Hoi! Iedereen op het mbo kent mij als ${NICKNAME}. Kan ik de rondleiding van 12 maart bijwonen?`;
      await postWebhook(apps.apiApp.url, waTextWebhook([{ from, text: first }]));
      await waitFor(() => created() === 1);
      const { caseId } = events.find((e) => e.event === 'message.created')!.payload as { caseId: string };

      const before = await api<Preview>(apps.apiApp.url, agent.token, 'GET', url(caseId));
      expect(before.status).toBe(200);
      expect(before.body.view).toBe('pseudonymized');
      // The premise of this test: the engine missed the nickname.
      expect(before.body.messages[0].text).toContain(NICKNAME);

      const messageId = before.body.messages[0].id;
      const start = first.indexOf(NICKNAME);
      const marked = await api<{ id: string; token: string }>(
        apps.apiApp.url,
        agent.token,
        'POST',
        `/api/cases/${caseId}/redactions`,
        {
          messageId,
          start,
          end: start + NICKNAME.length,
          type: 'PERSON',
        },
      );
      expect(marked.status).toBe(201);
      expect(marked.body.token).toMatch(/^\[PERSON_\d+\]$/);

      // A later message writes it in capitals; the draft note mentions it too.
      await postWebhook(
        apps.apiApp.url,
        waTextWebhook([{ from, text: `${NICKNAME.toUpperCase()} weer: is er parkeerruimte?` }]),
      );
      await waitFor(() => created() === 2);
      const after = await api<Preview>(
        apps.apiApp.url,
        agent.token,
        'GET',
        url(caseId, `&note=${encodeURIComponent(`${NICKNAME} vraagt naar parkeren`)}`),
      );
      expect(after.status).toBe(200);
      expect(JSON.stringify(after.body)).not.toMatch(new RegExp(NICKNAME, 'i'));
      expect(after.body.messages.find((msg) => msg.id === messageId)!.tokens).toContainEqual(
        expect.objectContaining({ token: marked.body.token, type: 'PERSON' }),
      );
      expect(after.body.draftNote!.text).toBe(`${marked.body.token} vraagt naar parkeren`);

      const escalated = await api(apps.apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/escalations`, {
        toTeamId: intl.teamId,
        note: `Kunnen jullie ${NICKNAME} helpen met een rondleiding in het Engels?`,
      });
      expect(escalated.status).toBe(201);
      const views = await Promise.all([
        api(apps.apiApp.url, intl.token, 'GET', '/api/escalations'),
        api(apps.apiApp.url, intl.token, 'GET', `/api/cases/${caseId}`),
        api(apps.apiApp.url, ownLead.token, 'GET', `/api/cases/${caseId}`),
        api(apps.apiApp.url, ownLead.token, 'GET', '/api/cases?status=all'),
      ]);
      for (const v of views) {
        expect(v.status).toBe(200);
        expect(JSON.stringify(v.body)).not.toMatch(new RegExp(NICKNAME, 'i'));
      }
      expect(JSON.stringify(views[1].body)).toContain(marked.body.token);

      // The owning team's agents still read the original, with the marking listed for undo.
      const own = await api<{
        messages: { id: string; text: string }[];
        redactions: { id: string; token: string }[];
      }>(apps.apiApp.url, agent.token, 'GET', `/api/cases/${caseId}`);
      expect(own.body.messages.find((msg) => msg.id === messageId)!.text).toBe(first);
      expect(own.body.redactions).toEqual([
        expect.objectContaining({ id: marked.body.id, token: marked.body.token }),
      ]);

      const unmark = () =>
        api(apps.apiApp.url, agent.token, 'DELETE', `/api/cases/${caseId}/redactions/${marked.body.id}`);
      expect((await unmark()).status).toBe(204);
      expect((await unmark()).status).toBe(404);
      const undone = await api<Preview>(apps.apiApp.url, agent.token, 'GET', url(caseId));
      expect(undone.body.messages.find((msg) => msg.id === messageId)!.text).toContain(NICKNAME);

      const officer = await createUser('privacy_officer');
      const audit = await api<{ items: { action: string; objectId: string }[] }>(
        apps.apiApp.url,
        officer,
        'GET',
        '/api/audit?limit=500',
      );
      const actions = audit.body.items.filter((a) => a.objectId === caseId).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['redaction.added', 'redaction.removed']));
      const rows = await apps.db.query(`SELECT row_to_json(a)::text AS r FROM audit_events a`);
      expect(rows.rows.map((r) => r.r).join('\n')).not.toMatch(new RegExp(NICKNAME, 'i'));
      const redactionRows = await apps.db.query(`SELECT row_to_json(r)::text AS r FROM redactions r`);
      expect(redactionRows.rows.map((r) => r.r).join('\n')).not.toMatch(new RegExp(NICKNAME, 'i'));
    } finally {
      socket.disconnect();
    }
  });

  it('refuses bad markings and previews with clear errors', async () => {
    const agent = await teamWithAgent(apps.apiApp.url, 'Admissions');
    const lead = await teamWithAgent(apps.apiApp.url, 'Admissions', 'team_lead', agent.teamId);
    const { socket, events } = await connectSocket(apps.apiApp.url, agent.token);
    try {
      const from = `3161${Math.floor(1e7 + Math.random() * 8e7)}`;
      await postWebhook(apps.apiApp.url, waTextWebhook([{ from, text: 'Kort bericht' }]));
      await waitFor(() => events.some((e) => e.event === 'message.created'));
      const { caseId, messageId } = events.find((e) => e.event === 'message.created')!.payload as {
        caseId: string;
        messageId: string;
      };
      const mark = (token: string, body: object) =>
        api<{ error: { code: string; message: string } }>(
          apps.apiApp.url,
          token,
          'POST',
          `/api/cases/${caseId}/redactions`,
          body,
        );

      const outside = await mark(agent.token, { messageId, start: 4, end: 99, type: 'PERSON' });
      expect(outside.status).toBe(400);
      expect(outside.body.error.code).toBe('REDACTION_SPAN_INVALID');
      expect(outside.body.error.message).toContain('≤ 12');
      expect((await mark(agent.token, { messageId, start: 4, end: 5, type: 'PERSON' })).body.error.code).toBe(
        'REDACTION_SPAN_INVALID',
      );
      expect((await mark(agent.token, { messageId, start: 0, end: 4, type: 'NAME' })).status).toBe(400);
      const foreign = await mark(agent.token, {
        messageId: '00000000-0000-4000-8000-000000000000',
        start: 0,
        end: 4,
        type: 'PERSON',
      });
      expect(foreign.status).toBe(404);
      expect((await mark(lead.token, { messageId, start: 0, end: 4, type: 'PERSON' })).status).toBe(403);

      const same = await api<{ error: { code: string } }>(
        apps.apiApp.url,
        agent.token,
        'GET',
        `/api/cases/${caseId}/handover-preview?toTeamId=${agent.teamId}`,
      );
      expect(same.status).toBe(400);
      expect(same.body.error.code).toBe('HANDOVER_SAME_TEAM');
      const unknown = await api<{ error: { code: string } }>(
        apps.apiApp.url,
        agent.token,
        'GET',
        `/api/cases/${caseId}/handover-preview?toTeamId=00000000-0000-4000-8000-000000000000`,
      );
      expect(unknown.body.error.code).toBe('HANDOVER_UNKNOWN_TEAM');
      expect(
        (await api(apps.apiApp.url, agent.token, 'GET', `/api/cases/${caseId}/handover-preview`)).status,
      ).toBe(400);
    } finally {
      socket.disconnect();
    }
  });

  async function createUser(role: UserRole): Promise<string> {
    const adminToken = await login(apps.apiApp.url, ADMIN.email, ADMIN.password);
    return (await userWithRole(apps.apiApp.url, adminToken, role)).token;
  }
});

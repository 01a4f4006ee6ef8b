import { api, connectSocket, teamWithAgent } from '../support/api-client';
import { waitFor } from '../support/processes';
import { ingestApps } from '../support/ingest-apps';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(60_000);

interface Detail {
  view: string;
  messages: { id: string; text: string; withheld: boolean }[];
}

/**
 * Fail closed: a message the anonymizer could not examine within its budget never reaches a
 * pseudonymized view. A zero budget makes every message run out, so the path is exercised for real.
 */
describe('anonymizer time budget (api + worker)', () => {
  const apps = ingestApps({ extra: { ANONYMIZER_BUDGET_MS: '0' } });

  it('withholds the pseudonymized text and flags the message to the owning team', async () => {
    const agent = await teamWithAgent(apps.apiApp.url, 'Admissions');
    const lead = await teamWithAgent(apps.apiApp.url, 'Admissions', 'team_lead', agent.teamId);
    const { socket, events } = await connectSocket(apps.apiApp.url, agent.token);
    try {
      const text = 'Hoi, ik ben Wietske Oosterhuis-Bakir, mail me op wietske.ob@example.org';
      // A sender no other test uses: the run's database is shared by every test file.
      const from = `3169${Math.floor(1e7 + Math.random() * 8e7)}`;
      const res = await postWebhook(apps.apiApp.url, waTextWebhook([{ from, text }]));
      expect(res.status).toBe(200);
      await waitFor(() => events.some((e) => e.event === 'message.created'));
      const { caseId } = events.find((e) => e.event === 'message.created')!.payload as { caseId: string };

      const original = await api<Detail>(apps.apiApp.url, agent.token, 'GET', `/api/cases/${caseId}`);
      expect(original.body.view).toBe('original');
      expect(original.body.messages).toEqual([expect.objectContaining({ text, withheld: true })]);

      const pseudo = await api<Detail>(apps.apiApp.url, lead.token, 'GET', `/api/cases/${caseId}`);
      expect(pseudo.body.view).toBe('pseudonymized');
      expect(pseudo.body.messages).toEqual([expect.objectContaining({ text: '[WITHHELD]', withheld: true })]);
      const list = await api<{ items: { id: string; preview: string }[] }>(
        apps.apiApp.url,
        lead.token,
        'GET',
        '/api/cases?status=all',
      );
      const preview = list.body.items.find((i) => i.id === caseId)?.preview ?? '';
      expect(preview).toBe('[WITHHELD]');
      expect(JSON.stringify(pseudo.body) + preview).not.toMatch(/Wietske|Oosterhuis|example\.org/);
    } finally {
      socket.disconnect();
    }
  });
});

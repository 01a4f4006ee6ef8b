import { pgDump, redisDump } from '../support/data-dumps';
import { randomBytes } from 'node:crypto';
import { api, connectSocket, teamWithAgent } from '../support/api-client';
import { waitFor } from '../support/processes';
import { ingestApps } from '../support/ingest-apps';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(90_000);

/** Every string form an identifier may take once something has copied it. */
function variants(phone: string, email: string): string[] {
  const local = `0${phone.slice(2)}`;
  return [email, email.toUpperCase(), phone, `+${phone}`, local, `${local.slice(0, 2)}-${local.slice(2)}`];
}

describe('privacy: planted identifiers leave no trace outside encrypted storage', () => {
  const apps = ingestApps();

  it('keeps a unique email and phone out of the database dump, Redis, logs and socket payloads', async () => {
    const tag = randomBytes(5).toString('hex');
    const email = `planted.${tag}@example.nl`;
    const phone = `316${String(10_000_000 + (parseInt(tag, 16) % 89_999_999)).padStart(8, '0')}`;
    const local = `0${phone.slice(2)}`;
    const agent = await teamWithAgent(apps.apiApp.url, 'Admissions');
    const { socket, events } = await connectSocket(apps.apiApp.url, agent.token);
    try {
      const text = `Hoi, ik ben Sanne ${tag}. Mail me op ${email} of bel ${local.slice(0, 2)}-${local.slice(2)}.`;
      const res = await postWebhook(
        apps.apiApp.url,
        waTextWebhook([{ from: phone, name: `Sanne ${tag}`, text }]),
      );
      expect(res.status).toBe(200);
      await waitFor(() => events.some((e) => e.event === 'message.created'));
      const { caseId } = events.find((e) => e.event === 'message.created')!.payload as { caseId: string };

      // The agent may read the original over authenticated HTTP: that is the one place it appears.
      const detail = await api<{ messages: { text: string }[] }>(
        apps.apiApp.url,
        agent.token,
        'GET',
        `/api/cases/${caseId}`,
      );
      expect(detail.body.messages[0].text).toBe(text);

      const dump = pgDump();
      expect(dump.length).toBeGreaterThan(1000);
      const pseudo = (await apps.db.query(`SELECT text_pseudo FROM messages WHERE case_id = $1`, [caseId]))
        .rows[0].text_pseudo;
      expect(pseudo).toContain('[EMAIL_1]');
      expect(pseudo).toContain('[PHONE_1]');

      const redis = (await redisDump(process.env.TEST_REDIS_URL!, process.env.TEST_REDIS_PREFIX!)).text;
      const logs = apps.apiApp.output + apps.worker.output;
      const socketPayloads = JSON.stringify(events);
      expect(logs.length).toBeGreaterThan(0);
      for (const v of variants(phone, email)) {
        expect({ where: 'pg_dump', found: dump.includes(v) }).toEqual({ where: 'pg_dump', found: false });
        expect({ where: 'redis', found: redis.includes(v) }).toEqual({ where: 'redis', found: false });
        expect({ where: 'logs', found: logs.includes(v) }).toEqual({ where: 'logs', found: false });
        expect({ where: 'socket', found: socketPayloads.includes(v) }).toEqual({
          where: 'socket',
          found: false,
        });
      }
      expect(dump.includes(`Sanne ${tag}`)).toBe(false);
      expect(logs.includes(tag)).toBe(false);
    } finally {
      socket.disconnect();
    }
  });
});

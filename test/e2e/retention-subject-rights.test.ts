import { pgDump } from '../support/data-dumps';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { KeyRing } from '../../libs/platform/src';
import { api } from '../support/api-client';
import { AppProcess } from '../support/processes';
import { phoneFor, retentionHarness, variants } from '../support/retention-e2e';

jest.setTimeout(180_000);

/**
 * Retention, end to end (set-up in test/support/retention-e2e.ts). Data-subject rights: export
 * everything held about a person, then erase it.
 */
describe('retention and data-subject rights', () => {
  const h = retentionHarness();
  const { exists, ingest, receiptsFor } = h;
  let apiApp: AppProcess & { url: string };
  let db: Client;
  let officer: string;
  let agent: { teamId: string; userId: string; token: string };
  let keyRing: KeyRing;
  beforeAll(() => {
    ({ apiApp, db, officer, agent, keyRing } = h);
  });

  it('exports everything held about a person, then erases all of it', async () => {
    const tag = randomBytes(5).toString('hex');
    const phrase = `giraffewoord${tag}`;
    const email = `subject.${tag}@example.nl`;
    const phone = phoneFor(tag);
    const name = `Fenna ${tag}`;
    const caseId = await ingest(
      phone,
      name,
      `Hallo, ik ben ${name}. Mijn mail is ${email}, codewoord ${phrase}.`,
    );
    await ingest(phone, name, `En bel me gerust op +${phone.slice(0, 2)} ${phone.slice(2)} (${phrase}2)`, 2);

    const spaced = `+${phone.slice(0, 2)} ${phone.slice(2, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
    const exported = await api<{
      contacts: { externalId: string; name: string }[];
      cases: { id: string; messages: { text: string; direction: string }[]; consents: unknown[] }[];
    }>(apiApp.url, officer, 'POST', '/api/subjects/export', { channel: 'whatsapp', externalId: spaced });
    expect(exported.status).toBe(200);
    expect(exported.body.contacts).toEqual([expect.objectContaining({ externalId: phone, name })]);
    expect(exported.body.cases).toHaveLength(1);
    expect(exported.body.cases[0].id).toBe(caseId);
    expect(exported.body.cases[0].messages.map((m) => m.direction)).toEqual(['in', 'in']);
    const text = JSON.stringify(exported.body);
    for (const v of [phrase, `${phrase}2`, email, name, phone])
      expect({ v, found: text.includes(v) }).toEqual({ v, found: true });
    const exportAudit = await db.query(
      `SELECT actor_id, object_type, object_id FROM audit_events WHERE action = 'subject.exported' ORDER BY id DESC LIMIT 1`,
    );
    // A keyed reference of the person (links repeated requests), never the identifier itself.
    expect(exportAudit.rows[0]).toMatchObject({
      object_type: 'subject',
      object_id: keyRing.subjectRef('whatsapp', phone),
    });

    const nobody = await api<{ contacts: unknown[]; cases: unknown[] }>(
      apiApp.url,
      officer,
      'POST',
      '/api/subjects/export',
      {
        channel: 'whatsapp',
        externalId: '31600000001',
      },
    );
    expect(nobody.body).toMatchObject({ contacts: [], cases: [] });
    expect(
      (await api(apiApp.url, officer, 'POST', '/api/subjects/export', { channel: 'sms', externalId: phone }))
        .status,
    ).toBe(400);

    expect(pgDump().includes(phrase)).toBe(true);
    const erased = await api<{ deleted: number }>(apiApp.url, officer, 'POST', '/api/subjects/erase', {
      channel: 'whatsapp',
      externalId: `+${phone}`,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted).toBe(1);
    expect(await exists(caseId)).toBe(false);
    expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseId}`)).status).toBe(404);
    const dump = pgDump();
    for (const v of [phrase, name, ...variants(phone, email)])
      expect({ v, inDump: dump.includes(v) }).toEqual({ v, inDump: false });
    expect(
      Number(
        (
          await db.query(`SELECT count(*) AS n FROM contacts WHERE external_hash = $1`, [
            keyRing.lookupHash(`whatsapp:user:${phone}`),
          ])
        ).rows[0].n,
      ),
    ).toBe(0);
    expect((await receiptsFor([caseId]))[0]).toMatchObject({ reason: 'erasure' });
    const again = await api<{ contacts: unknown[]; cases: unknown[] }>(
      apiApp.url,
      officer,
      'POST',
      '/api/subjects/export',
      {
        channel: 'whatsapp',
        externalId: phone,
      },
    );
    expect(again.body).toMatchObject({ contacts: [], cases: [] });
    const auditText = JSON.stringify((await db.query(`SELECT * FROM audit_events`)).rows);
    for (const v of [phrase, name, ...variants(phone, email)]) expect(auditText.includes(v)).toBe(false);
    expect(
      (
        await db.query(
          `SELECT count(*) AS n FROM audit_events WHERE action = 'subject.erased' AND object_id = $1`,
          [keyRing.subjectRef('whatsapp', phone)],
        )
      ).rows[0].n,
    ).toBe('1');
  });
});

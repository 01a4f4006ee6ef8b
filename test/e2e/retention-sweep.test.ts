import { pgDump, redisDump } from '../support/data-dumps';
import { randomBytes, randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { Client } from 'pg';
import { api, connectSocket } from '../support/api-client';
import { AppProcess, waitFor } from '../support/processes';
import { phoneFor, Receipt, retentionHarness, variants } from '../support/retention-e2e';

jest.setTimeout(180_000);

/**
 * Retention, end to end (set-up in test/support/retention-e2e.ts). The sweep: answered cases go after
 * their period, held or reopened ones stay, and nothing is left behind.
 */
describe('retention and data-subject rights', () => {
  const h = retentionHarness();
  const { prefix, sweep, exists, ingest, markAnswered, setPolicy, receiptsFor } = h;
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let officer: string;
  let agent: { teamId: string; userId: string; token: string };
  beforeAll(() => {
    ({ apiApp, worker, db, officer, agent } = h);
  });

  it('deletes an answered case after its period, except held or reopened ones; shortening applies', async () => {
    const tag = randomBytes(5).toString('hex');
    const phrase = `zebrawoord${tag}`;
    const email = `planted.${tag}@example.nl`;
    const phoneA = phoneFor(tag);
    const local = `0${phoneA.slice(2)}`;
    const name = `Sanne ${tag}`;
    const { socket, events } = await connectSocket(apiApp.url, agent.token);
    try {
      // A: the planted case. B: the same, under a legal hold. C: answered, then reopened. D: answered
      // with a communicated P30D, later cut short by policy.
      const caseA = await ingest(
        phoneA,
        name,
        `Hoi, ik ben ${name}, codewoord ${phrase}. Mail me op ${email} of bel ${local.slice(0, 2)}-${local.slice(2)}.`,
      );
      const phoneB = phoneFor(`${tag.slice(1)}b`);
      const caseB = await ingest(phoneB, 'Bram Bakker', `Vraag over de open dag okapi${tag}b`);
      const phoneC = phoneFor(`${tag.slice(1)}c`);
      const caseC = await ingest(phoneC, 'Chris Claes', `Vraag over huisvesting okapi${tag}c`);
      const phoneD = phoneFor(`${tag.slice(1)}d`);
      const caseD = await ingest(phoneD, 'Daan Dekker', `Vraag over collegegeld okapi${tag}d`);
      await markAnswered(caseA);
      await markAnswered(caseB);
      await markAnswered(caseC);
      await markAnswered(caseD, 'P30D');
      const planter = new Redis(process.env.TEST_REDIS_URL!);
      await planter.set(`${prefix}:presence:case:${caseA}`, agent.userId);
      planter.disconnect();

      const hold = await api<{ id: string; caseId: string; active: boolean }>(
        apiApp.url,
        officer,
        'POST',
        `/api/cases/${caseB}/legal-holds`,
        { reason: 'dossier 2026-17' },
      );
      expect(hold.status).toBe(201);
      expect(hold.body).toMatchObject({ caseId: caseB, active: true });
      expect(
        (await api(apiApp.url, officer, 'POST', `/api/cases/${randomUUID()}/legal-holds`, { reason: 'x' }))
          .status,
      ).toBe(404);
      expect((await api(apiApp.url, officer, 'POST', `/api/cases/${caseB}/legal-holds`, {})).status).toBe(
        400,
      );
      const holds = await api<{ items: { id: string; active: boolean }[] }>(
        apiApp.url,
        officer,
        'GET',
        '/api/legal-holds',
      );
      expect(holds.body.items).toContainEqual(expect.objectContaining({ id: hold.body.id, active: true }));

      // C gets a new question: the case reopens and its clock stops.
      await ingest(phoneC, 'Chris Claes', `Nog een vraag okapi${tag}c2`, 2);
      expect(
        (await db.query(`SELECT status, retain_until FROM cases WHERE id = $1`, [caseC])).rows[0],
      ).toEqual({
        status: 'open',
        retain_until: null,
      });

      // Not due yet: nothing of ours goes before its time.
      await sweep();
      for (const id of [caseA, caseB, caseC, caseD]) expect(await exists(id)).toBe(true);
      expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseA}`)).status).toBe(200);
      const before = pgDump();
      expect(before.includes(phrase)).toBe(true); // the pseudonymized copy carries the phrase

      await new Promise((r) => setTimeout(r, 5500));
      expect(await sweep()).toBeGreaterThanOrEqual(1);
      expect(await exists(caseA)).toBe(false);
      expect(await exists(caseB)).toBe(true); // legal hold
      expect(await exists(caseC)).toBe(true); // reopened
      expect(await exists(caseD)).toBe(true); // communicated P30D, policy P30D

      expect((await api(apiApp.url, agent.token, 'GET', `/api/cases/${caseA}`)).status).toBe(404);
      await waitFor(() =>
        events.some(
          (e) =>
            e.event === 'case.updated' &&
            JSON.stringify(e.payload) ===
              JSON.stringify({ caseId: caseA, status: 'deleted', assigneeId: null }),
        ),
      );
      const dump = pgDump();
      expect(dump.includes(phrase)).toBe(false);
      expect(dump.includes(name)).toBe(false);
      for (const v of variants(phoneA, email))
        expect({ v, inDump: dump.includes(v) }).toEqual({ v, inDump: false });
      const redis = await redisDump(process.env.TEST_REDIS_URL!, prefix);
      expect(redis.keys.filter((k) => k.includes(caseA))).toEqual([]);
      for (const v of [phrase, name, ...variants(phoneA, email)]) expect(redis.text.includes(v)).toBe(false);

      // Exactly one receipt, free of personal data, and one audit event naming the receipt.
      const [receipt] = await receiptsFor([caseA]);
      expect(receipt).toMatchObject({ reason: 'retention' });
      const listed = await api<{ items: Receipt[] }>(
        apiApp.url,
        officer,
        'GET',
        `/api/deletions?caseId=${caseA}`,
      );
      expect(listed.body.items).toHaveLength(1);
      expect(listed.body.items[0]).toMatchObject({
        caseRef: receipt.case_ref,
        reason: 'retention',
        policy: 'PT5S',
      });
      expect(listed.body.items[0].counts).toMatchObject({
        data_keys: 2,
        messages: 1,
        inbound_events: 1,
        cases: 1,
        contacts: 1,
        legal_holds: 0,
      });
      expect(listed.body.items[0].counts.pseudonyms).toBeGreaterThanOrEqual(2);
      const all = await api<{ items: Receipt[] }>(apiApp.url, officer, 'GET', '/api/deletions');
      expect(all.body.items.map((i) => i.id)).toContain(listed.body.items[0].id);
      const audit = await db.query(
        `SELECT actor_id, object_type, object_id FROM audit_events WHERE action = 'case.deleted' AND object_id = $1`,
        [listed.body.items[0].id],
      );
      expect(audit.rows).toEqual([
        { actor_id: null, object_type: 'deletion_receipt', object_id: listed.body.items[0].id },
      ]);
      const receiptText = JSON.stringify((await db.query(`SELECT * FROM deletion_receipts`)).rows);
      const auditText = JSON.stringify((await db.query(`SELECT * FROM audit_events`)).rows);
      for (const v of [phrase, name, ...variants(phoneA, email)]) {
        expect({ v, receipts: receiptText.includes(v), audit: auditText.includes(v) }).toEqual({
          v,
          receipts: false,
          audit: false,
        });
      }
      expect(receiptText.includes(caseA)).toBe(false);
      expect(apiApp.output.includes(phrase) || worker.output.includes(phrase)).toBe(false);

      // The policy is shortened to 5 s: D goes now although 30 days were communicated; B stays held.
      expect((await setPolicy('whatsapp', { period: 'PT5S' })).status).toBe(200);
      await sweep();
      expect(await exists(caseD)).toBe(false);
      expect((await receiptsFor([caseD]))[0]).toMatchObject({ reason: 'retention' });
      expect(
        (await api<{ items: Receipt[] }>(apiApp.url, officer, 'GET', `/api/deletions?caseId=${caseD}`)).body
          .items[0].policy,
      ).toBe('PT5S');
      expect(await exists(caseB)).toBe(true);
      expect(await exists(caseC)).toBe(true);

      // Releasing the hold lets the next sweep delete B.
      const released = await api<{ active: boolean; releasedAt: string }>(
        apiApp.url,
        officer,
        'DELETE',
        `/api/legal-holds/${hold.body.id}`,
      );
      expect(released.status).toBe(200);
      expect(released.body.active).toBe(false);
      expect((await api(apiApp.url, officer, 'DELETE', `/api/legal-holds/${randomUUID()}`)).status).toBe(404);
      await sweep();
      expect(await exists(caseB)).toBe(false);
      expect(await exists(caseC)).toBe(true);
      const holdAudit = await db.query(
        `SELECT action FROM audit_events WHERE object_type = 'legal_hold' AND object_id = $1 ORDER BY id`,
        [hold.body.id],
      );
      expect(holdAudit.rows.map((r) => r.action)).toEqual(['legal_hold.placed', 'legal_hold.released']);
    } finally {
      socket.disconnect();
      await setPolicy('whatsapp', { period: 'P30D' });
    }
  });
});

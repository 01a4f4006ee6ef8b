import { Client } from 'pg';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { aad, inboundEventJobs, QueueName } from '../../libs/platform/src';
import { inboundEventKey } from '../../libs/domain/src';
import { testKeyRing } from '../support/keys';
import { AppProcess, waitFor, WHATSAPP } from '../support/processes';
import { postWebhook, waMessageId, waTextWebhook } from '../support/whatsapp-payloads';
import { ingestApps } from '../support/ingest-apps';

jest.setTimeout(60_000);

/** WhatsApp webhooks carrying several messages or people at once (set-up in test/support/ingest-apps.ts). */
describe('WhatsApp webhook → case (api + worker over real Postgres and Redis)', () => {
  const apps = ingestApps();
  const { count } = apps;
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  beforeAll(() => {
    ({ apiApp, worker, db } = apps);
  });

  describe('batches', () => {
    const newSender = () => `3162${Math.floor(1e7 + Math.random() * 8e7)}`;
    const caseOf = async (wamid: string): Promise<string> => {
      const keyRing = testKeyRing();
      const hash = keyRing.lookupHash(
        inboundEventKey({ kind: 'message', channel: 'whatsapp', externalId: wamid }),
      );
      await waitFor(
        async () =>
          (await db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [hash])).rowCount === 1,
      );
      return (await db.query(`SELECT case_id FROM messages WHERE external_hash = $1`, [hash])).rows[0]
        .case_id;
    };

    it('files a body with several people, repeat writers and a duplicate: one case each, in order, same name same token', async () => {
      const [roos, daan, mila] = [newSender(), newSender(), newSender()];
      const first = waMessageId();
      const ids = [first, waMessageId(), waMessageId(), waMessageId(), waMessageId()];
      const t = Math.floor(Date.now() / 1000);
      const res = await postWebhook(
        apiApp.url,
        waTextWebhook([
          {
            from: roos,
            id: ids[0],
            timestamp: t,
            text: 'Hoi, ik ben Roos Vermeulen en heb een vraag over de open dag',
          },
          { from: daan, id: ids[1], timestamp: t, text: 'Is er nog plek bij de opleiding Verpleegkunde?' },
          { from: roos, id: ids[2], timestamp: t + 1, text: 'Groetjes, Roos Vermeulen' },
          { from: mila, id: ids[3], timestamp: t, text: 'Mijn mail is mila.batch@example.nl' },
          {
            from: roos,
            id: first,
            timestamp: t,
            text: 'Hoi, ik ben Roos Vermeulen en heb een vraag over de open dag',
          },
          { from: mila, id: ids[4], timestamp: t + 1, text: 'En mijn nummer 06-48213377' },
        ]),
      );
      expect(res.status).toBe(200);
      const cases = await Promise.all(ids.map(caseOf));
      expect(cases[0]).toBe(cases[2]);
      expect(cases[3]).toBe(cases[4]);
      expect(new Set(cases).size).toBe(3);

      const roosMessages = (
        await db.query(`SELECT text_pseudo FROM messages WHERE case_id = $1 ORDER BY created_at`, [cases[0]])
      ).rows.map((r) => r.text_pseudo as string);
      expect(roosMessages).toHaveLength(2);
      expect(roosMessages[0]).toContain('open dag');
      const token = /\[PERSON_\d+\]/.exec(roosMessages[0])?.[0];
      expect(token).toBeDefined();
      expect(roosMessages[1]).toContain(token!);
      expect(roosMessages.join(' ')).not.toMatch(/Roos|Vermeulen/);
      expect(await count(`SELECT count(*) AS n FROM pseudonyms WHERE case_id = $1`, [cases[0]])).toBe(1);
    });

    it('files concurrent webhooks exactly once, each person in one case', async () => {
      const senders = Array.from({ length: 8 }, newSender);
      const ids = Array.from({ length: 40 }, () => waMessageId());
      const responses = await Promise.all(
        ids.map((id, i) =>
          postWebhook(
            apiApp.url,
            waTextWebhook([{ from: senders[i % 8], id, text: `Vraag ${i} over het rooster` }]),
          ),
        ),
      );
      expect(responses.every((r) => r.status === 200)).toBe(true);
      const cases = await Promise.all(ids.map(caseOf));
      for (let i = 0; i < 40; i++) expect(cases[i]).toBe(cases[i % 8]);
      expect(new Set(cases).size).toBe(8);
      expect(await count(`SELECT count(*) AS n FROM messages WHERE case_id = ANY($1::uuid[])`, [cases])).toBe(
        40,
      );
    });

    it('does not let one unreadable event hold back the rest of its batch', async () => {
      const keyRing = testKeyRing();
      const account = (
        await db.query(`SELECT id FROM channel_accounts WHERE channel = 'whatsapp' AND external_id = $1`, [
          WHATSAPP.phoneNumberId,
        ])
      ).rows[0].id as string;
      const wamid = waMessageId();
      const event = {
        kind: 'message',
        channel: 'whatsapp',
        accountExternalId: WHATSAPP.phoneNumberId,
        externalId: wamid,
        senderExternalId: newSender(),
        timestamp: new Date().toISOString(),
        messageType: 'text',
        text: 'Wanneer begint het schooljaar?',
      };
      const insert = (hash: Buffer, payload: Buffer) =>
        db.query(
          `INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc) VALUES ($1, $2, 'message', $3) RETURNING id::text AS id`,
          [account, hash, payload],
        );
      const bad = (
        await insert(keyRing.lookupHash(`whatsapp:msg:${waMessageId()}`), Buffer.from('not sealed'))
      ).rows[0].id;
      const goodHash = keyRing.lookupHash(
        inboundEventKey({ kind: 'message', channel: 'whatsapp', externalId: wamid }),
      );
      const good = (
        await insert(goodHash, keyRing.sealStaging(JSON.stringify(event), aad.stagedEvent(account, goodHash)))
      ).rows[0].id;

      const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
      const queue = new Queue(QueueName.Inbound, { connection, prefix: process.env.TEST_REDIS_PREFIX });
      try {
        await queue.addBulk(inboundEventJobs([bad, good]));
        await caseOf(wamid);
        await waitFor(() => worker.output.includes('inbound batch failed'));
        const unprocessed = (
          await db.query(
            `SELECT id::text AS id FROM inbound_events WHERE id = ANY($1::bigint[]) AND processed_at IS NULL`,
            [[bad, good]],
          )
        ).rows.map((r) => r.id);
        expect(unprocessed).toEqual([bad]);
      } finally {
        await db.query(`DELETE FROM inbound_events WHERE id = $1`, [bad]);
        await queue.close();
        connection.disconnect();
      }
    });
  });
});

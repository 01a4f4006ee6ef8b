import { randomBytes, randomUUID } from 'node:crypto';
import { aad } from '../../libs/platform/src';
import { domainHarness, insertWhatsAppAccount } from '../support/domain-harness';
import { retentionParts } from '../support/retention';

jest.setTimeout(60_000);

/**
 * Webhook events do not outlive their purpose: the sweep deletes those that settled without a
 * message once retries are over, and an erasure deletes the person's events still waiting.
 */
describe('webhook events in retention and erasure', () => {
  const h = domainHarness('purge');
  let accountId: string;
  let teamId: string;

  beforeAll(async () => {
    ({ accountId, teamId } = await insertWhatsAppAccount(h.ds));
  });

  const parts = () => retentionParts(h);

  it('keeps events still retried, unprocessed or behind a message; deletes the rest', async () => {
    const event = async (kind: string, received: string, processed: string | null) => {
      const hash = randomBytes(32);
      await h.ds.query(
        `INSERT INTO inbound_events (channel_account_id, external_hash, kind, received_at, processed_at)
         VALUES ($1, $2, $3, now() - $4::interval, now() - $5::interval)`,
        [accountId, hash, kind, received, processed],
      );
      return hash;
    };
    const oldStatus = await event('status', '8 days', '8 days');
    const recentStatus = await event('status', '1 hour', '1 hour');
    const unprocessed = await event('message', '8 days', null);
    const filed = await event('message', '8 days', '8 days');
    const [{ id: contactId }] = await h.ds.query(
      `INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc)
       VALUES ('whatsapp', $1, $2, gen_random_uuid(), '\\x00') RETURNING id`,
      [accountId, randomBytes(32)],
    );
    const [{ id: caseId }] = await h.ds.query(
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, status, data_key_id, first_inbound_at, last_message_at)
       VALUES ('whatsapp', $1, $2, $3, 'open', gen_random_uuid(), now(), now()) RETURNING id`,
      [accountId, contactId, teamId],
    );
    await h.ds.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, text_enc, text_pseudo, sent_at)
       VALUES ($1, $2, 'in', $3, '\\x00', 'vraag', now())`,
      [caseId, accountId, filed],
    );

    expect((await parts().sweeper.sweep()).purgedEvents).toBe(1);
    const left = (await h.ds.query(`SELECT external_hash FROM inbound_events`)) as {
      external_hash: Buffer;
    }[];
    const has = (hash: Buffer) => left.some((r) => r.external_hash.equals(hash));
    expect([has(oldStatus), has(recentStatus), has(unprocessed), has(filed)]).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });

  it("erasure deletes the person's events that are still waiting to be filed, and only theirs", async () => {
    const waiting = async (sender: string) => {
      const hash = randomBytes(32);
      const payload = {
        kind: 'message',
        channel: 'whatsapp',
        senderExternalId: sender,
        text: 'Nog niet verwerkt',
      };
      await h.ds.query(
        `INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc) VALUES ($1, $2, 'message', $3)`,
        [accountId, hash, h.keyRing.sealStaging(JSON.stringify(payload), aad.stagedEvent(accountId, hash))],
      );
      return hash;
    };
    const theirs = await waiting('31612345678');
    const someoneElse = await waiting('31687654321');
    const officer = { id: randomUUID(), role: 'privacy_officer' as const, teamId: null };
    const result = await parts().erasure.erase(officer, 'whatsapp', '+31 6 1234 5678');
    expect(result).toMatchObject({ deleted: 0, held: 0, queued: 1 });
    const left = (await h.ds.query(
      `SELECT external_hash FROM inbound_events WHERE processed_at IS NULL`,
    )) as {
      external_hash: Buffer;
    }[];
    expect(left.some((r) => r.external_hash.equals(theirs))).toBe(false);
    expect(left.some((r) => r.external_hash.equals(someoneElse))).toBe(true);
  });
});

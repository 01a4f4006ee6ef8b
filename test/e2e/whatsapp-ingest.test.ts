import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { inboundEventKey } from '../../libs/domain/src';
import { testKeyRing } from '../support/keys';
import { api, connectSocket, teamWithAgent } from '../support/api-client';
import { AppProcess, waitFor, WHATSAPP } from '../support/processes';
import { postWebhook, waMessageId, waStatusWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { ingestApps } from '../support/ingest-apps';

jest.setTimeout(60_000);

interface CaseList {
  items: { id: string; channel: string; status: string; teamId: string; preview: string }[];
}

describe('WhatsApp webhook → case (api + worker over real Postgres and Redis)', () => {
  const apps = ingestApps();
  const { count } = apps;
  let apiApp: AppProcess & { url: string };
  let db: Client;
  beforeAll(() => {
    ({ apiApp, db } = apps);
  });

  it('answers the Meta handshake with the challenge only for the right token', async () => {
    const ok = await fetch(
      `${apiApp.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${WHATSAPP.verifyToken}&hub.challenge=1158201444`,
    );
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/text\/plain/);
    expect(await ok.text()).toBe('1158201444');
    const bad = await fetch(
      `${apiApp.url}/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1`,
    );
    expect(bad.status).toBe(403);
  });

  it('turns a signed message into a case for the owning team only, announced over socket.io', async () => {
    const own = await teamWithAgent(apiApp.url, 'Admissions');
    const other = await teamWithAgent(apiApp.url, `Other ${Date.now()}`);
    const { socket, events } = await connectSocket(apiApp.url, own.token);
    const { socket: otherSocket, events: otherEvents } = await connectSocket(apiApp.url, other.token);
    try {
      const from = `3161${Math.floor(1e7 + Math.random() * 8e7)}`;
      const res = await postWebhook(
        apiApp.url,
        waTextWebhook([{ from, name: 'Fenna Jansen', text: 'Hoi, wanneer is de open dag? 🎓' }]),
      );
      expect(res.status).toBe(200);

      await waitFor(() => events.some((e) => e.event === 'message.created'));
      const created = events.find((e) => e.event === 'message.created')!.payload as Record<string, string>;
      expect(Object.keys(created).sort()).toEqual(['caseId', 'direction', 'messageId']);
      expect(events.some((e) => e.event === 'case.created')).toBe(true);

      const list = await api<CaseList>(apiApp.url, own.token, 'GET', '/api/cases?status=open');
      const item = list.body.items.find((i) => i.id === created.caseId);
      expect(item).toMatchObject({ channel: 'whatsapp', status: 'open', teamId: own.teamId });
      expect(item!.preview).toContain('open dag');

      const detail = await api<{ view: string; messages: { text: string; direction: string }[] }>(
        apiApp.url,
        own.token,
        'GET',
        `/api/cases/${created.caseId}`,
      );
      expect(detail.body.view).toBe('original');
      expect(detail.body.messages).toEqual([
        expect.objectContaining({ direction: 'in', text: 'Hoi, wanneer is de open dag? 🎓' }),
      ]);

      const otherList = await api<CaseList>(apiApp.url, other.token, 'GET', '/api/cases?status=all');
      expect(otherList.body.items.find((i) => i.id === created.caseId)).toBeUndefined();
      expect((await api(apiApp.url, other.token, 'GET', `/api/cases/${created.caseId}`)).status).toBe(404);
      expect(otherEvents.filter((e) => e.event === 'message.created')).toEqual([]);
    } finally {
      socket.disconnect();
      otherSocket.disconnect();
    }
  });

  it('collapses five deliveries of the same message into one', async () => {
    const id = waMessageId();
    const body = waTextWebhook([{ from: '31687654321', id, text: 'Dubbel bericht?' }]);
    const statuses = await Promise.all(
      [1, 2, 3, 4, 5].map(() => postWebhook(apiApp.url, body).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    await waitFor(
      async () => (await count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
    );
    const contact = await count(
      `SELECT count(*) AS n FROM messages m JOIN cases c ON c.id = m.case_id WHERE m.text_pseudo = 'Dubbel bericht?'`,
    );
    expect(contact).toBe(1);
  });

  it('refuses bad signatures and stores nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const body = waTextWebhook([{ from: '31611111111', text: 'niet ondertekend' }]);
    const wrong = await postWebhook(apiApp.url, body, { secret: 'someone-else' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual({ error: { code: 'INVALID_SIGNATURE', message: expect.any(String) } });
    expect((await postWebhook(apiApp.url, body, { signature: null })).status).toBe(401);
    expect((await postWebhook(apiApp.url, body, { signature: 'sha256=zz' })).status).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);
  });

  it('answers 400 for malformed bodies and 413 above 1 MiB', async () => {
    const { signMetaBody } = await import('../../libs/channels/src');
    const send = (raw: Buffer) =>
      fetch(`${apiApp.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signMetaBody(raw, WHATSAPP.appSecret),
        },
        body: raw,
      });
    const malformed = await send(Buffer.from('{"object": "whatsapp_business_account", "entry": ['));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe('MALFORMED_JSON');
    const wrongShape = await send(Buffer.from('{"object":"whatsapp_business_account","entry":"nope"}'));
    expect(wrongShape.status).toBe(400);
    const huge = await send(Buffer.alloc(1024 * 1024 + 10, 'a'));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('takes deliveries on the path as Express would route it, and refuses compressed bodies', async () => {
    const { signMetaBody } = await import('../../libs/channels/src');
    const body = waTextWebhook([{ from: '31622223333', text: 'Via een andere URL-vorm' }]);
    const raw = Buffer.from(JSON.stringify(body));
    const send = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${apiApp.url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signMetaBody(raw, WHATSAPP.appSecret),
          ...headers,
        },
        body: raw,
      });
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const gzipped = await send('/webhooks/whatsapp', { 'content-encoding': 'gzip' });
    expect(gzipped.status).toBe(415);
    expect(((await gzipped.json()) as { error: { code: string } }).error.code).toBe('UNSUPPORTED_ENCODING');
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);

    const slashQuery = await send('/Webhooks/WhatsApp/?source=meta');
    expect(slashQuery.status).toBe(200);
    expect(slashQuery.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await slashQuery.json()).toEqual({ status: 'ok' });
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before + 1);
    // Other methods and paths still go through Nest.
    expect((await fetch(`${apiApp.url}/webhooks/whatsapp`, { method: 'PUT' })).status).toBe(404);
  });

  it('files every documented message type and keeps no read receipts', async () => {
    const dir = join(__dirname, '../fixtures/whatsapp');
    for (const file of readdirSync(dir)) {
      const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect({ file, status: (await postWebhook(apiApp.url, body)).status }).toEqual({ file, status: 200 });
    }
    await waitFor(
      async () => (await count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
    );
    const types = (await db.query(`SELECT DISTINCT message_type FROM messages`)).rows.map(
      (r) => r.message_type,
    );
    expect(types).toEqual(
      expect.arrayContaining([
        'text',
        'image',
        'video',
        'audio',
        'document',
        'sticker',
        'interactive',
        'button',
        'location',
        'contacts',
        'reaction',
        'system',
      ]),
    );
    // No read receipt is stored for anyone.
    expect(await count(`SELECT count(*) AS n FROM messages WHERE delivery_status = 'read'`)).toBe(0);
  });

  it('applies delivery statuses out of order without going backwards', async () => {
    const keyRing = testKeyRing();
    const wamid = waMessageId();
    // A case of this WhatsApp number: the run's database also holds other channels' cases.
    const [kase] = (
      await db.query(
        `SELECT c.id, c.channel_account_id FROM cases c JOIN channel_accounts a ON a.id = c.channel_account_id
          WHERE a.channel = 'whatsapp' AND a.external_id = $1 LIMIT 1`,
        [WHATSAPP.phoneNumberId],
      )
    ).rows;
    const [msg] = (
      await db.query(
        `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, text_enc, text_pseudo, delivery_status, sent_at)
         VALUES ($1, $2, 'out', $3, '\\x00', 'antwoord', 'queued', now()) RETURNING id`,
        [
          kase.id,
          kase.channel_account_id,
          keyRing.lookupHash(inboundEventKey({ kind: 'message', channel: 'whatsapp', externalId: wamid })),
        ],
      )
    ).rows;
    const statusBody = (status: string) => waStatusWebhook({ id: wamid, status, recipientId: '31612345678' });
    const deliveryOf = async () =>
      (await db.query(`SELECT delivery_status FROM messages WHERE id = $1`, [msg.id])).rows[0]
        .delivery_status;
    for (const status of ['delivered', 'sent', 'read']) {
      expect((await postWebhook(apiApp.url, statusBody(status))).status).toBe(200);
    }
    await waitFor(async () => (await deliveryOf()) === 'delivered');
    await waitFor(
      async () => (await count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
    );
    expect(await deliveryOf()).toBe('delivered');
  });

  it('accepts and ignores events for an unknown phone number id', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const res = await postWebhook(
      apiApp.url,
      waTextWebhook([{ from: '31622222222', text: 'hallo', phoneNumberId: '999999999' }]),
    );
    expect(res.status).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);
  });
});

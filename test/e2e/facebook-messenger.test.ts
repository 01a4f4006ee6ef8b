import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../support/api-client';
import { waitFor } from '../support/processes';
import { SocialHarness } from '../support/social-harness';
import { FACEBOOK, messengerEvent, messengerText, postFacebook, uniqueId } from '../support/social-payloads';

jest.setTimeout(120_000);

const DAY = 24 * 60 * 60 * 1000;

describe('Facebook Messenger: webhook → case → reply (api + worker over real Postgres and Redis)', () => {
  const h = new SocialHarness();
  const { count, settled, caseOf, detail, reply, deliveryOf } = h;
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  it('answers the Meta handshake with the page’s verify token only', async () => {
    const ok = await fetch(
      `${h.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${FACEBOOK.verifyToken}&hub.challenge=42`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '42']);
    const bad = await fetch(
      `${h.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`,
    );
    expect(bad.status).toBe(403);
  });

  it('refuses forged signatures and stores nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const body = messengerText(uniqueId(), 'niet ondertekend');
    expect((await postFacebook(h.url, body, { secret: 'someone-else' })).status).toBe(401);
    expect((await postFacebook(h.url, body, { signature: null })).status).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);
  });

  it('files a Messenger message as a case per PSID, and collapses duplicate deliveries', async () => {
    const psid = uniqueId();
    const mid = `m_${uniqueId()}`;
    const body = messengerText(psid, 'Hoi, ik ben Fenna. Wanneer is de open dag?', { mid });
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() => postFacebook(h.url, body).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    const caseId = await caseOf('facebook', mid);
    await settled();
    const view = await detail(caseId);
    expect(view.body).toMatchObject({ channel: 'facebook', view: 'original' });
    expect(view.body.messages).toEqual([
      expect.objectContaining({ direction: 'in', text: 'Hoi, ik ben Fenna. Wanneer is de open dag?' }),
    ]);
  });

  it('files each page of a multi-page body under its own account and ignores unknown pages', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const known = messengerText(uniqueId(), 'Voor onze pagina');
    const unknown = messengerText(uniqueId(), 'Voor een andere pagina');
    const unknownEntry = { ...unknown.entry[0], id: '999999999999999' };
    unknownEntry.messaging = [{ ...unknownEntry.messaging[0], recipient: { id: '999999999999999' } }];
    const res = await postFacebook(h.url, { object: 'page', entry: [known.entry[0], unknownEntry] });
    expect(res.status).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before + 1);
    await caseOf('facebook', known.entry[0].messaging[0].message.mid);
  });

  it('files every documented fixture: no echoes, standby, reads or page comments as inbound messages', async () => {
    const dir = join(__dirname, '../fixtures/facebook');
    for (const file of readdirSync(dir).sort()) {
      const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect({ file, status: (await postFacebook(h.url, body)).status }).toEqual({ file, status: 200 });
    }
    await settled();
    const has = async (id: string) =>
      (
        await h.db.query(`SELECT 1 FROM messages WHERE external_hash = $1 AND direction = 'in'`, [
          h.messageHash('facebook', id),
        ])
      ).rowCount;
    for (const id of [
      'm_fixture_text_1',
      'm_fixture_batch_3',
      'm_fixture_att_1',
      'm_fixture_qr_1',
      'm_fixture_pb_1',
      '1234567890123_5550002',
    ]) {
      expect({ id, stored: await has(id) }).toEqual({ id, stored: 1 });
    }
    for (const id of [
      'm_fixture_echo_1',
      'm_fixture_echo_2',
      'm_fixture_standby_1',
      '1234567890123_5550004',
    ]) {
      expect({ id, stored: await has(id) }).toEqual({ id, stored: 0 });
    }
    expect(h.apiApp.output).toContain('standby events ignored');
    expect(h.apiApp.output).not.toContain('Via een andere app');
    // The fixtures edit the first comment twice ("edited", then a later "edit"; filed in any order, the newer
    // one wins) and remove the photo comment.
    expect(await has('1234567890123_5550003')).toBe(0);
    const comment = await caseOf('facebook', '1234567890123_5550001');
    expect((await detail(comment)).body.messages[0].text).toBe('Is er nog plek bij Verpleegkunde in maart?');
    const types = (
      await h.db.query(`SELECT DISTINCT message_type FROM messages WHERE direction = 'in'`)
    ).rows.map((r) => r.message_type);
    expect(types).toEqual(expect.arrayContaining(['text', 'image', 'quick_reply', 'postback', 'comment']));
  });

  describe('Messenger replies', () => {
    async function messengerCase(
      text = 'Kan ik me nog aanmelden?',
    ): Promise<{ caseId: string; psid: string; mid: string }> {
      const psid = uniqueId();
      const mid = `m_${uniqueId()}`;
      expect((await postFacebook(h.url, messengerText(psid, text, { mid }))).status).toBe(200);
      return { caseId: await caseOf('facebook', mid), psid, mid };
    }
    const lastInboundAgo = (caseId: string, ms: number) =>
      h.db.query(
        `UPDATE messages SET sent_at = now() - $2 * interval '1 millisecond' WHERE case_id = $1 AND direction = 'in'`,
        [caseId, ms],
      );

    it('sends through the Send API as a RESPONSE, settled by the echo and the delivery watermark', async () => {
      const { caseId, psid } = await messengerCase();
      h.graph.requests.length = 0;
      const res = await reply(caseId, 'Ja, dat kan tot 1 mei.');
      expect(res.status).toBe(201);
      await waitFor(() => h.graph.requests.length === 1);
      const [req] = h.graph.requests;
      expect(req.url).toBe(`/v21.0/${FACEBOOK.pageId}/messages`);
      expect(req.authorization).toBe(`Bearer ${FACEBOOK.accessToken}`);
      expect(req.body).toMatchObject({
        recipient: { id: psid },
        messaging_type: 'RESPONSE',
        message: { metadata: res.body.id },
      });
      expect((req.body.message as { text: string }).text).toContain('Ja, dat kan tot 1 mei.');
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'sent');

      const delivery = messengerEvent(psid, { delivery: { watermark: Date.now() + 1000 } });
      expect((await postFacebook(h.url, delivery)).status).toBe(200);
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'delivered');
    });

    it('settles an interrupted send from the echo that carries our message id', async () => {
      const { caseId, psid } = await messengerCase();
      h.graph.behaviour = () => ({
        status: 200,
        body: { recipient_id: psid, message_id: 'm_x' },
        delayMs: 15_000,
      });
      const res = await reply(caseId, 'Dit antwoord blijft hangen.');
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'unknown', 20_000);
      const echo = messengerEvent(
        psid,
        {
          message: {
            is_echo: true,
            app_id: '1517776481860111',
            metadata: res.body.id,
            mid: `m_${uniqueId()}`,
            text: 'x',
          },
        },
        { fromPage: true },
      );
      expect((await postFacebook(h.url, echo)).status).toBe(200);
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'sent');
    });

    it('refuses after 24 hours (422 WINDOW_CLOSED) unless the page may use the human agent tag, up to 7 days', async () => {
      const { caseId } = await messengerCase();
      await lastInboundAgo(caseId, DAY + 60_000);
      const closed = await reply(caseId, 'Te laat?');
      expect(closed.status).toBe(422);
      expect(closed.body.error?.code).toBe('WINDOW_CLOSED');
      expect(closed.body.error?.message).toMatch(/human agent/);

      const account = (await h.db.query(`SELECT id FROM channel_accounts WHERE channel = 'facebook'`)).rows[0]
        .id;
      const set = await api<{ settings: { humanAgentTag?: boolean } }>(
        h.url,
        h.adminToken,
        'PATCH',
        `/api/channel-accounts/${account}/settings`,
        { humanAgentTag: true },
      );
      expect([set.status, set.body.settings]).toEqual([200, { humanAgentTag: true }]);
      try {
        h.graph.requests.length = 0;
        await waitFor(async () => (await reply(caseId, 'Met de human agent tag.')).status === 201, 10_000);
        await waitFor(() => h.graph.requests.length === 1);
        expect(h.graph.requests[0].body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

        await lastInboundAgo(caseId, 7 * DAY + 60_000);
        const late = await reply(caseId, 'Na een week.');
        expect([late.status, late.body.error?.code]).toEqual([422, 'WINDOW_CLOSED']);
      } finally {
        await api(h.url, h.adminToken, 'PATCH', `/api/channel-accounts/${account}/settings`, {
          humanAgentTag: false,
        });
      }
    });

    it('shows Meta’s window error and “person not available” as clear states on the message', async () => {
      const { caseId } = await messengerCase();
      h.graph.behaviour = () => ({
        status: 400,
        body: { error: { code: 551, message: 'unavailable', fbtrace_id: 'abc' } },
      });
      const gone = await reply(caseId, 'Ben je er nog?');
      await waitFor(async () => (await deliveryOf(gone.body.id)).delivery_status === 'failed');
      expect((await deliveryOf(gone.body.id)).error_code).toBe('RECIPIENT_UNAVAILABLE');

      h.graph.behaviour = () => ({ status: 400, body: { error: { code: 10, error_subcode: 2018278 } } });
      const window = await reply(caseId, 'Nog een poging.');
      await waitFor(async () => (await deliveryOf(window.body.id)).delivery_status === 'failed');
      expect((await deliveryOf(window.body.id)).error_code).toBe('WINDOW_CLOSED');
    });
  });

  it('erases everything of a person by PSID', async () => {
    const psid = uniqueId();
    const mid = `m_${uniqueId()}`;
    await postFacebook(h.url, messengerText(psid, 'Wis mij graag', { mid }));
    const caseId = await caseOf('facebook', mid);
    const token = await h.privacyOfficerToken();
    const erased = await api<{ deleted: number }>(h.url, token, 'POST', '/api/subjects/erase', {
      channel: 'facebook',
      externalId: psid,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE id = $1`, [caseId])).toBe(0);
  });
});

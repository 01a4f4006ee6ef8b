import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { KeyRing, loadConfig } from '../../libs/core/src';
import { api, login, teamWithAgent } from '../support/api-client';
import { pgDump } from '../support/data-dumps';
import { accept, GraphStandIn } from '../support/graph-stand-in';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import {
  FACEBOOK,
  feedComment,
  messengerText,
  postFacebook,
  socialEnv,
  uniqueId,
} from '../support/social-payloads';

jest.setTimeout(120_000);

interface CaseDetail {
  id: string;
  channel: string;
  view: string;
  messages: {
    id: string;
    direction: string;
    text: string;
    deliveryStatus: string | null;
    errorCode: string | null;
  }[];
}
const DAY = 24 * 60 * 60 * 1000;

describe('Facebook webhook → case → reply (api + worker over real Postgres and Redis)', () => {
  const graph = new GraphStandIn();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let agent: Awaited<ReturnType<typeof teamWithAgent>>;
  let adminToken: string;
  const keyRing = new KeyRing(loadConfig({ NODE_ENV: 'test', DATA_KEY: process.env.TEST_DATA_KEY }));

  beforeAll(async () => {
    await graph.start();
    const env = testEnv({ graphBaseUrl: graph.baseUrl, extra: socialEnv(graph.linkedInBaseUrl) });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    agent = await teamWithAgent(apiApp.url, 'Admissions');
    adminToken = await login(apiApp.url, ADMIN.email, ADMIN.password);
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill();
    await apiApp?.kill();
    await graph.stop();
  });

  beforeEach(() => {
    graph.behaviour = accept;
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].n);
  const settled = () =>
    waitFor(
      async () => (await count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
    );
  const messageHash = (id: string) => keyRing.lookupHash(`facebook:msg:${id}`);
  const caseOfMessage = async (externalId: string): Promise<string> => {
    const hash = messageHash(externalId);
    await waitFor(
      async () => (await db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [hash])).rowCount === 1,
    );
    return (await db.query(`SELECT case_id FROM messages WHERE external_hash = $1`, [hash])).rows[0].case_id;
  };
  const detail = (id: string) => api<CaseDetail>(apiApp.url, agent.token, 'GET', `/api/cases/${id}`);
  const reply = (caseId: string, text: string, visibility?: 'public' | 'private') =>
    api<{ id: string; error?: { code: string; message: string } }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      { text, ...(visibility ? { visibility } : {}) },
    );
  const deliveryOf = async (messageId: string) =>
    (await db.query(`SELECT delivery_status, error_code FROM messages WHERE id = $1`, [messageId]))
      .rows[0] as {
      delivery_status: string;
      error_code: string | null;
    };

  it('answers the Meta handshake with the page’s verify token only', async () => {
    const ok = await fetch(
      `${apiApp.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=${FACEBOOK.verifyToken}&hub.challenge=42`,
    );
    expect([ok.status, await ok.text()]).toEqual([200, '42']);
    const bad = await fetch(
      `${apiApp.url}/webhooks/facebook?hub.mode=subscribe&hub.verify_token=x&hub.challenge=1`,
    );
    expect(bad.status).toBe(403);
  });

  it('refuses forged signatures and stores nothing', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const body = messengerText(uniqueId(), 'niet ondertekend');
    expect((await postFacebook(apiApp.url, body, { secret: 'someone-else' })).status).toBe(401);
    expect((await postFacebook(apiApp.url, body, { signature: null })).status).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);
  });

  it('files a Messenger message as a case per PSID, and collapses duplicate deliveries', async () => {
    const psid = uniqueId();
    const mid = `m_${uniqueId()}`;
    const body = messengerText(psid, 'Hoi, ik ben Fenna. Wanneer is de open dag?', { mid });
    const statuses = await Promise.all(
      [1, 2, 3, 4].map(() => postFacebook(apiApp.url, body).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200, 200]);
    const caseId = await caseOfMessage(mid);
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
    const res = await postFacebook(apiApp.url, { object: 'page', entry: [known.entry[0], unknownEntry] });
    expect(res.status).toBe(200);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before + 1);
    await caseOfMessage(known.entry[0].messaging[0].message.mid);
  });

  it('files every documented fixture: no echoes, standby, reads or page comments as inbound messages', async () => {
    const dir = join(__dirname, '../fixtures/facebook');
    for (const file of readdirSync(dir).sort()) {
      const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect({ file, status: (await postFacebook(apiApp.url, body)).status }).toEqual({ file, status: 200 });
    }
    await settled();
    const has = async (id: string) =>
      (
        await db.query(`SELECT 1 FROM messages WHERE external_hash = $1 AND direction = 'in'`, [
          messageHash(id),
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
    // The fixtures edit the first comment twice ("edited", then a later "edit"; filed in any order, the newer
    // one wins) and remove the photo comment.
    expect(await has('1234567890123_5550003')).toBe(0);
    const comment = await caseOfMessage('1234567890123_5550001');
    expect((await detail(comment)).body.messages[0].text).toBe('Is er nog plek bij Verpleegkunde in maart?');
    const types = (
      await db.query(`SELECT DISTINCT message_type FROM messages WHERE direction = 'in'`)
    ).rows.map((r) => r.message_type);
    expect(types).toEqual(expect.arrayContaining(['text', 'image', 'quick_reply', 'postback', 'comment']));
  });

  describe('Messenger replies', () => {
    async function messengerCase(
      text = 'Kan ik me nog aanmelden?',
    ): Promise<{ caseId: string; psid: string; mid: string }> {
      const psid = uniqueId();
      const mid = `m_${uniqueId()}`;
      expect((await postFacebook(apiApp.url, messengerText(psid, text, { mid }))).status).toBe(200);
      return { caseId: await caseOfMessage(mid), psid, mid };
    }
    const lastInboundAgo = (caseId: string, ms: number) =>
      db.query(
        `UPDATE messages SET sent_at = now() - $2 * interval '1 millisecond' WHERE case_id = $1 AND direction = 'in'`,
        [caseId, ms],
      );

    it('sends through the Send API as a RESPONSE, settled by the echo and the delivery watermark', async () => {
      const { caseId, psid } = await messengerCase();
      graph.requests.length = 0;
      const res = await reply(caseId, 'Ja, dat kan tot 1 mei.');
      expect(res.status).toBe(201);
      await waitFor(() => graph.requests.length === 1);
      const [req] = graph.requests;
      expect(req.url).toBe(`/v21.0/${FACEBOOK.pageId}/messages`);
      expect(req.authorization).toBe(`Bearer ${FACEBOOK.accessToken}`);
      expect(req.body).toMatchObject({
        recipient: { id: psid },
        messaging_type: 'RESPONSE',
        message: { metadata: res.body.id },
      });
      expect((req.body.message as { text: string }).text).toContain('Ja, dat kan tot 1 mei.');
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'sent');

      const delivery = {
        object: 'page',
        entry: [
          {
            id: FACEBOOK.pageId,
            time: Date.now(),
            messaging: [
              {
                sender: { id: psid },
                recipient: { id: FACEBOOK.pageId },
                timestamp: Date.now(),
                delivery: { watermark: Date.now() + 1000 },
              },
            ],
          },
        ],
      };
      expect((await postFacebook(apiApp.url, delivery)).status).toBe(200);
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'delivered');
    });

    it('settles an interrupted send from the echo that carries our message id', async () => {
      const { caseId, psid } = await messengerCase();
      graph.behaviour = () => ({
        status: 200,
        body: { recipient_id: psid, message_id: 'm_x' },
        delayMs: 15_000,
      });
      const res = await reply(caseId, 'Dit antwoord blijft hangen.');
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'unknown', 20_000);
      const echo = {
        object: 'page',
        entry: [
          {
            id: FACEBOOK.pageId,
            time: Date.now(),
            messaging: [
              {
                sender: { id: FACEBOOK.pageId },
                recipient: { id: psid },
                timestamp: Date.now(),
                message: {
                  is_echo: true,
                  app_id: '1517776481860111',
                  metadata: res.body.id,
                  mid: `m_${uniqueId()}`,
                  text: 'x',
                },
              },
            ],
          },
        ],
      };
      expect((await postFacebook(apiApp.url, echo)).status).toBe(200);
      await waitFor(async () => (await deliveryOf(res.body.id)).delivery_status === 'sent');
    });

    it('refuses after 24 hours (422 WINDOW_CLOSED) unless the page may use the human agent tag, up to 7 days', async () => {
      const { caseId } = await messengerCase();
      await lastInboundAgo(caseId, DAY + 60_000);
      const closed = await reply(caseId, 'Te laat?');
      expect(closed.status).toBe(422);
      expect(closed.body.error?.code).toBe('WINDOW_CLOSED');
      expect(closed.body.error?.message).toMatch(/human agent/);

      const account = (await db.query(`SELECT id FROM channel_accounts WHERE channel = 'facebook'`)).rows[0]
        .id;
      const set = await api<{ settings: { humanAgentTag?: boolean } }>(
        apiApp.url,
        adminToken,
        'PATCH',
        `/api/channel-accounts/${account}/settings`,
        { humanAgentTag: true },
      );
      expect([set.status, set.body.settings]).toEqual([200, { humanAgentTag: true }]);
      try {
        graph.requests.length = 0;
        await waitFor(async () => (await reply(caseId, 'Met de human agent tag.')).status === 201, 10_000);
        await waitFor(() => graph.requests.length === 1);
        expect(graph.requests[0].body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

        await lastInboundAgo(caseId, 7 * DAY + 60_000);
        const late = await reply(caseId, 'Na een week.');
        expect([late.status, late.body.error?.code]).toEqual([422, 'WINDOW_CLOSED']);
      } finally {
        await api(apiApp.url, adminToken, 'PATCH', `/api/channel-accounts/${account}/settings`, {
          humanAgentTag: false,
        });
      }
    });

    it('shows Meta’s window error and “person not available” as clear states on the message', async () => {
      const { caseId } = await messengerCase();
      graph.behaviour = () => ({
        status: 400,
        body: { error: { code: 551, message: 'unavailable', fbtrace_id: 'abc' } },
      });
      const gone = await reply(caseId, 'Ben je er nog?');
      await waitFor(async () => (await deliveryOf(gone.body.id)).delivery_status === 'failed');
      expect((await deliveryOf(gone.body.id)).error_code).toBe('RECIPIENT_UNAVAILABLE');

      graph.behaviour = () => ({ status: 400, body: { error: { code: 10, error_subcode: 2018278 } } });
      const window = await reply(caseId, 'Nog een poging.');
      await waitFor(async () => (await deliveryOf(window.body.id)).delivery_status === 'failed');
      expect((await deliveryOf(window.body.id)).error_code).toBe('WINDOW_CLOSED');
    });
  });

  describe('page comments', () => {
    const postId = () => `${FACEBOOK.pageId}_${uniqueId()}`;
    async function comment(input: Parameters<typeof feedComment>[0]): Promise<string> {
      expect((await postFacebook(apiApp.url, feedComment(input))).status).toBe(200);
      return caseOfMessage(input.commentId);
    }

    it('makes one case per commenter and post', async () => {
      const [post, other] = [postId(), postId()];
      const [sanne, daan] = [uniqueId(), uniqueId()];
      const first = await comment({
        from: sanne,
        postId: post,
        commentId: uniqueId('c'),
        message: 'Vraag over de open dag',
      });
      const second = await comment({
        from: sanne,
        postId: post,
        commentId: uniqueId('c'),
        message: 'En nog een vraag',
      });
      const otherPost = await comment({
        from: sanne,
        postId: other,
        commentId: uniqueId('c'),
        message: 'Andere post',
      });
      const otherPerson = await comment({
        from: daan,
        postId: post,
        commentId: uniqueId('c'),
        message: 'Ik ook',
      });
      expect(second).toBe(first);
      expect(new Set([first, otherPost, otherPerson]).size).toBe(3);
      // A reply by the page itself is not inbound.
      const ours = uniqueId('c');
      expect(
        (
          await postFacebook(
            apiApp.url,
            feedComment({ from: FACEBOOK.pageId, postId: post, commentId: ours, message: 'Antwoord' }),
          )
        ).status,
      ).toBe(200);
      await settled();
      expect(
        (await db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [messageHash(ours)])).rowCount,
      ).toBe(0);
    });

    it('replies publicly under the comment, refuses identifiers in public, and allows one private reply within 7 days', async () => {
      const post = postId();
      const commentId = uniqueId('c');
      const caseId = await comment({
        from: uniqueId(),
        postId: post,
        commentId,
        message: 'Hoe kan ik jullie bereiken?',
      });

      const dryRun = await api<{ refusal: { code: string } | null }>(
        apiApp.url,
        agent.token,
        'POST',
        `/api/cases/${caseId}/replies/check`,
        { text: 'Mail ons via sanne.devries@gmail.com' },
      );
      expect(dryRun.body.refusal?.code).toBe('PUBLIC_REPLY_HAS_IDENTIFIER');
      const leaky = await reply(caseId, 'Mail ons via sanne.devries@gmail.com of bel 06-12345678');
      expect(leaky.status).toBe(422);
      expect(leaky.body.error?.code).toBe('PUBLIC_REPLY_HAS_IDENTIFIER');
      expect(leaky.body.error?.message).toMatch(/privately/);

      graph.requests.length = 0;
      expect((await reply(caseId, 'Kijk op onze website bij Contact.')).status).toBe(201);
      await waitFor(() => graph.requests.length === 1);
      expect(graph.requests[0].url).toBe(`/v21.0/${commentId}/comments`);
      expect(graph.requests[0].body.message).toContain('Kijk op onze website bij Contact.');

      graph.requests.length = 0;
      const priv = await reply(caseId, 'Bel ons gerust op 06-12345678', 'private');
      expect(priv.status).toBe(201);
      await waitFor(() => graph.requests.length === 1);
      expect(graph.requests[0]).toMatchObject({
        url: `/v21.0/${FACEBOOK.pageId}/messages`,
        body: { recipient: { comment_id: commentId }, message: { text: 'Bel ons gerust op 06-12345678' } },
      });
      const second = await reply(caseId, 'Nog een privébericht', 'private');
      expect([second.status, second.body.error?.code]).toEqual([409, 'PRIVATE_REPLY_USED']);
    });

    it('refuses a private reply to a comment older than 7 days', async () => {
      const caseId = await comment({
        from: uniqueId(),
        postId: postId(),
        commentId: uniqueId('c'),
        message: 'Oude vraag',
      });
      await db.query(`UPDATE messages SET sent_at = now() - interval '8 days' WHERE case_id = $1`, [caseId]);
      const late = await reply(caseId, 'Sorry voor de late reactie', 'private');
      expect([late.status, late.body.error?.code]).toEqual([422, 'PRIVATE_REPLY_EXPIRED']);
    });

    it('replaces an edited comment and forgets a removed one: no stored text, no tokens it alone held', async () => {
      const from = uniqueId();
      const post = postId();
      const keep = uniqueId('c');
      const gone = uniqueId('c');
      const caseId = await comment({
        from,
        postId: post,
        commentId: keep,
        message: 'mijn vraag gaat over kwartelkoningtoetsen',
      });
      await comment({
        from,
        postId: post,
        commentId: gone,
        message: 'mail me op zeldzaam.adres.77@example.org over zebrapadvraag',
      });
      const emails = () =>
        count(`SELECT count(*) AS n FROM pseudonyms WHERE case_id = $1 AND entity_type = 'EMAIL'`, [caseId]);
      expect(pgDump()).toContain('zebrapadvraag');
      expect(await emails()).toBe(1);

      const edited = {
        from,
        postId: post,
        commentId: keep,
        verb: 'edited',
        message: 'mijn vraag gaat over de flamingo-intake',
      };
      expect((await postFacebook(apiApp.url, feedComment(edited))).status).toBe(200);
      expect(
        (await postFacebook(apiApp.url, feedComment({ from, postId: post, commentId: gone, verb: 'remove' })))
          .status,
      ).toBe(200);
      await settled();

      const view = await detail(caseId);
      expect(view.body.messages.map((m) => m.text)).toEqual(['mijn vraag gaat over de flamingo-intake']);
      expect(await emails()).toBe(0);
      const dump = pgDump();
      expect(dump).toContain('flamingo-intake');
      for (const word of ['zebrapadvraag', 'kwartelkoning', 'zeldzaam.adres.77'])
        expect(dump).not.toContain(word);
      expect(
        await count(
          `SELECT count(*) AS n FROM audit_events WHERE action = 'comment.forgotten' AND object_id = $1`,
          [caseId],
        ),
      ).toBe(1);
    });

    it('records hide and unhide as a state', async () => {
      const from = uniqueId();
      const post = postId();
      const commentId = uniqueId('c');
      await comment({ from, postId: post, commentId, message: 'Reclame!' });
      const state = async () =>
        (
          await db.query(`SELECT platform_state FROM messages WHERE external_hash = $1`, [
            messageHash(commentId),
          ])
        ).rows[0].platform_state;
      await postFacebook(apiApp.url, feedComment({ from, postId: post, commentId, verb: 'hide' }));
      await waitFor(async () => (await state()) === 'hidden');
      await postFacebook(
        apiApp.url,
        feedComment({
          from,
          postId: post,
          commentId,
          verb: 'unhide',
          createdTime: Math.floor(Date.now() / 1000) + 1,
        }),
      );
      await waitFor(async () => (await state()) === null);
    });
  });

  it('erases everything of a person by PSID', async () => {
    const psid = uniqueId();
    const mid = `m_${uniqueId()}`;
    await postFacebook(apiApp.url, messengerText(psid, 'Wis mij graag', { mid }));
    const caseId = await caseOfMessage(mid);
    const privacy = await teamWithAgent(apiApp.url, 'Admissions');
    await db.query(`UPDATE users SET role = 'privacy_officer' WHERE id = $1`, [privacy.userId]);
    const token = await login(apiApp.url, privacy.email, 'a-long-password-for-tests');
    const erased = await api<{ deleted: number }>(apiApp.url, token, 'POST', '/api/subjects/erase', {
      channel: 'facebook',
      externalId: psid,
    });
    expect(erased.status).toBe(200);
    expect(erased.body.deleted).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE id = $1`, [caseId])).toBe(0);
  });
});

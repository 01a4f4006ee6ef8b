import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { encodeUrn } from '../../libs/channels/src/linkedin/linkedin.client';
import { KeyRing, loadConfig } from '../../libs/core/src';
import { api, login, teamWithAgent } from '../support/api-client';
import { pgDump } from '../support/data-dumps';
import { accept, GraphStandIn } from '../support/graph-stand-in';
import { AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import {
  LINKEDIN,
  linkedInNotifications,
  postLinkedIn,
  socialEnv,
  uniqueId,
} from '../support/social-payloads';

jest.setTimeout(120_000);

interface CaseDetail {
  channel: string;
  messages: { id: string; direction: string; text: string }[];
}

describe('LinkedIn webhook → case → reply (api + worker over real Postgres and Redis)', () => {
  const standIn = new GraphStandIn();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let agent: Awaited<ReturnType<typeof teamWithAgent>>;
  const keyRing = new KeyRing(loadConfig({ NODE_ENV: 'test', DATA_KEY: process.env.TEST_DATA_KEY }));
  let nextNotification = Math.floor(Math.random() * 1e9);

  beforeAll(async () => {
    await standIn.start();
    const env = testEnv({ graphBaseUrl: standIn.baseUrl, extra: socialEnv(standIn.linkedInBaseUrl) });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    db = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await db.connect();
    agent = await teamWithAgent(apiApp.url, 'Admissions');
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill();
    await apiApp?.kill();
    await standIn.stop();
  });

  beforeEach(() => {
    standIn.behaviour = accept;
    standIn.requests.length = 0;
  });

  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params)).rows[0].n);
  const settled = () =>
    waitFor(
      async () => (await count(`SELECT count(*) AS n FROM inbound_events WHERE processed_at IS NULL`)) === 0,
    );
  const caseOfComment = async (urn: string): Promise<string> => {
    const hash = keyRing.lookupHash(`linkedin:msg:${urn}`);
    await waitFor(
      async () => (await db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [hash])).rowCount === 1,
    );
    return (await db.query(`SELECT case_id FROM messages WHERE external_hash = $1`, [hash])).rows[0].case_id;
  };
  const newPost = () => `urn:li:share:${uniqueId()}`;
  const commentOn = (post: string) =>
    `urn:li:comment:(urn:li:activity:${post.split(':').pop()},${uniqueId()})`;
  const comment = (post: string, urn: string, owner: string, text: string, action = 'COMMENT') =>
    linkedInNotifications([
      { notificationId: nextNotification++, action, sourcePost: post, generatedActivity: urn, owner, text },
    ]);

  it('answers the validation challenge with the HMAC of the code', async () => {
    const res = await fetch(`${apiApp.url}/webhooks/linkedin?challengeCode=890e4665-4dfe-4ab3`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      challengeCode: '890e4665-4dfe-4ab3',
      challengeResponse: createHmac('sha256', LINKEDIN.clientSecret)
        .update('890e4665-4dfe-4ab3')
        .digest('hex'),
    });
    expect((await fetch(`${apiApp.url}/webhooks/linkedin`)).status).toBe(400);
  });

  it('accepts both signature forms, refuses forged ones, and files a comment as a case', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const post = newPost();
    const body = comment(post, commentOn(post), `urn:li:person:${uniqueId()}`, 'niet ondertekend');
    expect((await postLinkedIn(apiApp.url, body, { secret: 'forged' })).status).toBe(401);
    expect((await postLinkedIn(apiApp.url, body, { signature: null })).status).toBe(401);
    expect((await postLinkedIn(apiApp.url, body, { signature: 'hmacsha256=zz' })).status).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);

    for (const form of ['plain', 'prefixed-header', 'prefixed-body'] as const) {
      const urn = commentOn(post);
      const text = `Vraag via ${form}`;
      const res = await postLinkedIn(apiApp.url, comment(post, urn, `urn:li:person:${uniqueId()}`, text), {
        form,
      });
      expect({ form, status: res.status }).toEqual({ form, status: 200 });
      const view = await api<CaseDetail>(
        apiApp.url,
        agent.token,
        'GET',
        `/api/cases/${await caseOfComment(urn)}`,
      );
      expect(view.body.channel).toBe('linkedin');
      expect(view.body.messages).toEqual([expect.objectContaining({ direction: 'in', text })]);
    }
  });

  it('collapses retried notifications and keeps one case per commenter and post', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const first = commentOn(post);
    const body = comment(post, first, person, 'Is er een open avond?');
    const statuses = await Promise.all(
      [1, 2, 3].map(() => postLinkedIn(apiApp.url, body).then((r) => r.status)),
    );
    expect(statuses).toEqual([200, 200, 200]);
    const second = commentOn(post);
    await postLinkedIn(apiApp.url, comment(post, second, person, 'En hoe laat?'));
    const caseId = await caseOfComment(first);
    expect(await caseOfComment(second)).toBe(caseId);
    await settled();
    expect(await count(`SELECT count(*) AS n FROM messages WHERE case_id = $1`, [caseId])).toBe(2);
  });

  it('files every documented fixture: our own comments, likes and shares are not cases', async () => {
    const dir = join(__dirname, '../fixtures/linkedin');
    for (const file of readdirSync(dir).sort()) {
      const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect({ file, status: (await postLinkedIn(apiApp.url, body)).status }).toEqual({ file, status: 200 });
    }
    await settled();
    const stored = async (urn: string) =>
      (
        await db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [
          keyRing.lookupHash(`linkedin:msg:${urn}`),
        ])
      ).rowCount;
    const act = 'urn:li:activity:7264123456789012345';
    expect(await stored(`urn:li:comment:(${act},7264999000000000008)`)).toBe(1);
    expect(await stored('urn:li:share:7264555555555555555')).toBe(1);
    expect(await stored(`urn:li:comment:(${act},7264999000000000002)`)).toBe(0);
    // comment.json is deleted again by comment-delete.json.
    expect(await stored(`urn:li:comment:(${act},7264999000000000001)`)).toBe(0);
  });

  it('replies as the organization under the comment, with the versioned headers', async () => {
    const post = newPost();
    const urn = commentOn(post);
    await postLinkedIn(apiApp.url, comment(post, urn, `urn:li:person:${uniqueId()}`, 'Kan ik langskomen?'));
    const caseId = await caseOfComment(urn);
    const res = await api<{ id: string }>(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Ja, welkom op de open dag!',
    });
    expect(res.status).toBe(201);
    await waitFor(() => standIn.requests.length === 1);
    const [req] = standIn.requests;
    expect(req.url).toBe(`/rest/socialActions/${encodeUrn(urn)}/comments`);
    expect(req.headers['linkedin-version']).toBe('202511');
    expect(req.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(req.authorization).toBe(`Bearer ${LINKEDIN.accessToken}`);
    expect(req.body).toMatchObject({ actor: LINKEDIN.organizationUrn, object: post, parentComment: urn });
    expect((req.body.message as { text: string }).text).toContain('Ja, welkom op de open dag!');
    await waitFor(
      async () =>
        (await db.query(`SELECT delivery_status FROM messages WHERE id = $1`, [res.body.id])).rows[0]
          .delivery_status === 'sent',
    );

    const privately = await api<{ error: { code: string } }>(
      apiApp.url,
      agent.token,
      'POST',
      `/api/cases/${caseId}/replies`,
      {
        text: 'Privé?',
        visibility: 'private',
      },
    );
    expect([privately.status, privately.body.error.code]).toEqual([422, 'VISIBILITY_NOT_SUPPORTED']);
  });

  it('shows a sunset API version (426) on the message', async () => {
    const post = newPost();
    const urn = commentOn(post);
    await postLinkedIn(apiApp.url, comment(post, urn, `urn:li:person:${uniqueId()}`, 'Nog een vraag'));
    const caseId = await caseOfComment(urn);
    standIn.behaviour = () => ({ status: 426, body: { message: 'version sunset' } });
    const res = await api<{ id: string }>(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Antwoord',
    });
    await waitFor(
      async () =>
        (await db.query(`SELECT delivery_status FROM messages WHERE id = $1`, [res.body.id])).rows[0]
          .delivery_status === 'failed',
    );
    expect(
      (await db.query(`SELECT error_code FROM messages WHERE id = $1`, [res.body.id])).rows[0].error_code,
    ).toBe('API_VERSION_SUNSET');
  });

  it('replaces an edited comment and forgets a deleted one (no stored text)', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const kept = commentOn(post);
    const deleted = commentOn(post);
    await postLinkedIn(apiApp.url, comment(post, kept, person, 'eerste versie met kievitvraag'));
    await postLinkedIn(apiApp.url, comment(post, deleted, person, 'mijn nummer is 06-48213377, reigerwoord'));
    const caseId = await caseOfComment(kept);
    await caseOfComment(deleted);
    expect(pgDump()).toContain('reigerwoord');
    await postLinkedIn(apiApp.url, comment(post, kept, person, 'tweede versie met grutto', 'COMMENT_EDIT'));
    await postLinkedIn(
      apiApp.url,
      linkedInNotifications([
        {
          notificationId: nextNotification++,
          action: 'COMMENT_DELETE',
          sourcePost: post,
          generatedActivity: deleted,
        },
      ]),
    );
    await settled();
    const view = await api<CaseDetail>(apiApp.url, agent.token, 'GET', `/api/cases/${caseId}`);
    expect(view.body.messages.map((m) => m.text)).toEqual(['tweede versie met grutto']);
    const dump = pgDump();
    for (const word of ['kievitvraag', 'reigerwoord']) expect(dump).not.toContain(word);
    expect(await count(`SELECT count(*) AS n FROM pseudonyms WHERE case_id = $1`, [caseId])).toBe(0);
  });

  it('erases a person by member URN', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const urn = commentOn(post);
    await postLinkedIn(apiApp.url, comment(post, urn, person, 'Wis mijn gegevens'));
    const caseId = await caseOfComment(urn);
    const privacy = await teamWithAgent(apiApp.url, 'Admissions');
    await db.query(`UPDATE users SET role = 'privacy_officer' WHERE id = $1`, [privacy.userId]);
    const token = await login(apiApp.url, privacy.email, 'a-long-password-for-tests');
    const erased = await api<{ deleted: number }>(apiApp.url, token, 'POST', '/api/subjects/erase', {
      channel: 'linkedin',
      externalId: person,
    });
    expect([erased.status, erased.body.deleted]).toEqual([200, 1]);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE id = $1`, [caseId])).toBe(0);
  });
});

import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeUrn } from '../../libs/channels/src/linkedin/linkedin.client';
import { api } from '../support/api-client';
import { pgDump } from '../support/data-dumps';
import { waitFor } from '../support/processes';
import { SocialHarness } from '../support/social-harness';
import { LINKEDIN, linkedInNotifications, postLinkedIn, uniqueId } from '../support/social-payloads';

jest.setTimeout(120_000);

describe('LinkedIn webhook → case → reply (api + worker over real Postgres and Redis)', () => {
  const h = new SocialHarness();
  const { count, settled, caseOf, detail } = h;
  let nextNotification = Math.floor(Math.random() * 1e9);
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const newPost = () => `urn:li:share:${uniqueId()}`;
  const commentOn = (post: string) =>
    `urn:li:comment:(urn:li:activity:${post.split(':').pop()},${uniqueId()})`;
  const comment = (post: string, urn: string, owner: string, text: string, action = 'COMMENT') =>
    linkedInNotifications([
      { notificationId: nextNotification++, action, sourcePost: post, generatedActivity: urn, owner, text },
    ]);

  it('answers the validation challenge with the HMAC of the code', async () => {
    const res = await fetch(`${h.url}/webhooks/linkedin?challengeCode=890e4665-4dfe-4ab3`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      challengeCode: '890e4665-4dfe-4ab3',
      challengeResponse: createHmac('sha256', LINKEDIN.clientSecret)
        .update('890e4665-4dfe-4ab3')
        .digest('hex'),
    });
    expect((await fetch(`${h.url}/webhooks/linkedin`)).status).toBe(400);
  });

  it('accepts both signature forms, refuses forged ones, and files a comment as a case', async () => {
    const before = await count(`SELECT count(*) AS n FROM inbound_events`);
    const post = newPost();
    const body = comment(post, commentOn(post), `urn:li:person:${uniqueId()}`, 'niet ondertekend');
    expect((await postLinkedIn(h.url, body, { secret: 'forged' })).status).toBe(401);
    expect((await postLinkedIn(h.url, body, { signature: null })).status).toBe(401);
    expect((await postLinkedIn(h.url, body, { signature: 'hmacsha256=zz' })).status).toBe(401);
    expect(await count(`SELECT count(*) AS n FROM inbound_events`)).toBe(before);

    for (const form of ['plain', 'prefixed-header', 'prefixed-body'] as const) {
      const urn = commentOn(post);
      const text = `Vraag via ${form}`;
      const res = await postLinkedIn(h.url, comment(post, urn, `urn:li:person:${uniqueId()}`, text), {
        form,
      });
      expect({ form, status: res.status }).toEqual({ form, status: 200 });
      const view = await detail(await caseOf('linkedin', urn));
      expect(view.body.channel).toBe('linkedin');
      expect(view.body.messages).toEqual([expect.objectContaining({ direction: 'in', text })]);
    }
  });

  it('collapses retried notifications and keeps one case per commenter and post', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const first = commentOn(post);
    const body = comment(post, first, person, 'Is er een open avond?');
    const statuses = await Promise.all([1, 2, 3].map(() => postLinkedIn(h.url, body).then((r) => r.status)));
    expect(statuses).toEqual([200, 200, 200]);
    const second = commentOn(post);
    await postLinkedIn(h.url, comment(post, second, person, 'En hoe laat?'));
    const caseId = await caseOf('linkedin', first);
    expect(await caseOf('linkedin', second)).toBe(caseId);
    await settled();
    expect(await count(`SELECT count(*) AS n FROM messages WHERE case_id = $1`, [caseId])).toBe(2);
  });

  it('files every documented fixture: our own comments, likes and shares are not cases', async () => {
    const dir = join(__dirname, '../fixtures/linkedin');
    for (const file of readdirSync(dir).sort()) {
      const body = JSON.parse(readFileSync(join(dir, file), 'utf8'));
      expect({ file, status: (await postLinkedIn(h.url, body)).status }).toEqual({ file, status: 200 });
    }
    await settled();
    const stored = async (urn: string) =>
      (await h.db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [h.messageHash('linkedin', urn)]))
        .rowCount;
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
    await postLinkedIn(h.url, comment(post, urn, `urn:li:person:${uniqueId()}`, 'Kan ik langskomen?'));
    const caseId = await caseOf('linkedin', urn);
    const res = await api<{ id: string }>(h.url, h.agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Ja, welkom op de open dag!',
    });
    expect(res.status).toBe(201);
    await waitFor(() => h.graph.requests.length === 1);
    const [req] = h.graph.requests;
    expect(req.url).toBe(`/rest/socialActions/${encodeUrn(urn)}/comments`);
    expect(req.headers['linkedin-version']).toBe('202511');
    expect(req.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(req.authorization).toBe(`Bearer ${LINKEDIN.accessToken}`);
    expect(req.body).toMatchObject({ actor: LINKEDIN.organizationUrn, object: post, parentComment: urn });
    expect((req.body.message as { text: string }).text).toContain('Ja, welkom op de open dag!');
    await waitFor(
      async () =>
        (await h.db.query(`SELECT delivery_status FROM messages WHERE id = $1`, [res.body.id])).rows[0]
          .delivery_status === 'sent',
    );

    const privately = await api<{ error: { code: string } }>(
      h.url,
      h.agent.token,
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
    await postLinkedIn(h.url, comment(post, urn, `urn:li:person:${uniqueId()}`, 'Nog een vraag'));
    const caseId = await caseOf('linkedin', urn);
    h.graph.behaviour = () => ({ status: 426, body: { message: 'version sunset' } });
    const res = await api<{ id: string }>(h.url, h.agent.token, 'POST', `/api/cases/${caseId}/replies`, {
      text: 'Antwoord',
    });
    await waitFor(
      async () =>
        (await h.db.query(`SELECT delivery_status FROM messages WHERE id = $1`, [res.body.id])).rows[0]
          .delivery_status === 'failed',
    );
    expect(
      (await h.db.query(`SELECT error_code FROM messages WHERE id = $1`, [res.body.id])).rows[0].error_code,
    ).toBe('API_VERSION_SUNSET');
  });

  it('replaces an edited comment and forgets a deleted one (no stored text)', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const kept = commentOn(post);
    const deleted = commentOn(post);
    await postLinkedIn(h.url, comment(post, kept, person, 'eerste versie met kievitvraag'));
    await postLinkedIn(h.url, comment(post, deleted, person, 'mijn nummer is 06-48213377, reigerwoord'));
    const caseId = await caseOf('linkedin', kept);
    await caseOf('linkedin', deleted);
    expect(pgDump()).toContain('reigerwoord');
    await postLinkedIn(h.url, comment(post, kept, person, 'tweede versie met grutto', 'COMMENT_EDIT'));
    await postLinkedIn(
      h.url,
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
    const view = await detail(caseId);
    expect(view.body.messages.map((m) => m.text)).toEqual(['tweede versie met grutto']);
    const dump = pgDump();
    for (const word of ['kievitvraag', 'reigerwoord']) expect(dump).not.toContain(word);
    expect(await count(`SELECT count(*) AS n FROM pseudonyms WHERE case_id = $1`, [caseId])).toBe(0);
  });

  it('erases a person by member URN', async () => {
    const post = newPost();
    const person = `urn:li:person:${uniqueId()}`;
    const urn = commentOn(post);
    await postLinkedIn(h.url, comment(post, urn, person, 'Wis mijn gegevens'));
    const caseId = await caseOf('linkedin', urn);
    const token = await h.privacyOfficerToken();
    const erased = await api<{ deleted: number }>(h.url, token, 'POST', '/api/subjects/erase', {
      channel: 'linkedin',
      externalId: person,
    });
    expect([erased.status, erased.body.deleted]).toEqual([200, 1]);
    expect(await count(`SELECT count(*) AS n FROM cases WHERE id = $1`, [caseId])).toBe(0);
  });
});

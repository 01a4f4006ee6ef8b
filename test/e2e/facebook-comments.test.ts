import { pgDump } from '../support/data-dumps';
import { api } from '../support/api-client';
import { waitFor } from '../support/processes';
import { SocialHarness } from '../support/social-harness';
import { FACEBOOK, feedComment, postFacebook, uniqueId } from '../support/social-payloads';

jest.setTimeout(120_000);

describe('Facebook page comments: webhook → case → public and private replies (api + worker)', () => {
  const h = new SocialHarness();
  const { count, settled, caseOf, detail, reply } = h;
  beforeAll(() => h.start());
  afterAll(() => h.stop());
  beforeEach(() => h.reset());

  const postId = () => `${FACEBOOK.pageId}_${uniqueId()}`;
  async function comment(input: Parameters<typeof feedComment>[0]): Promise<string> {
    expect((await postFacebook(h.url, feedComment(input))).status).toBe(200);
    return caseOf('facebook', input.commentId);
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
          h.url,
          feedComment({ from: FACEBOOK.pageId, postId: post, commentId: ours, message: 'Antwoord' }),
        )
      ).status,
    ).toBe(200);
    await settled();
    expect(
      (await h.db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [h.messageHash('facebook', ours)]))
        .rowCount,
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
      h.url,
      h.agent.token,
      'POST',
      `/api/cases/${caseId}/replies/check`,
      { text: 'Mail ons via sanne.devries@gmail.com' },
    );
    expect(dryRun.body.refusal?.code).toBe('PUBLIC_REPLY_HAS_IDENTIFIER');
    const leaky = await reply(caseId, 'Mail ons via sanne.devries@gmail.com of bel 06-12345678');
    expect(leaky.status).toBe(422);
    expect(leaky.body.error?.code).toBe('PUBLIC_REPLY_HAS_IDENTIFIER');
    expect(leaky.body.error?.message).toMatch(/privately/);

    h.graph.requests.length = 0;
    expect((await reply(caseId, 'Kijk op onze website bij Contact.')).status).toBe(201);
    await waitFor(() => h.graph.requests.length === 1);
    expect(h.graph.requests[0].url).toBe(`/v21.0/${commentId}/comments`);
    expect(h.graph.requests[0].body.message).toContain('Kijk op onze website bij Contact.');

    h.graph.requests.length = 0;
    const priv = await reply(caseId, 'Bel ons gerust op 06-12345678', 'private');
    expect(priv.status).toBe(201);
    await waitFor(() => h.graph.requests.length === 1);
    expect(h.graph.requests[0]).toMatchObject({
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
    await h.db.query(`UPDATE messages SET sent_at = now() - interval '8 days' WHERE case_id = $1`, [caseId]);
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
    expect((await postFacebook(h.url, feedComment(edited))).status).toBe(200);
    expect(
      (await postFacebook(h.url, feedComment({ from, postId: post, commentId: gone, verb: 'remove' })))
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

  it('never files a comment whose removal arrived first', async () => {
    const from = uniqueId();
    const post = postId();
    const commentId = uniqueId('c');
    const removal = feedComment({ from, postId: post, commentId, verb: 'remove' });
    expect((await postFacebook(h.url, removal)).status).toBe(200);
    await settled();
    const late = feedComment({ from, postId: post, commentId, message: 'te laat bezorgd: ooievaarsvraag' });
    expect((await postFacebook(h.url, late)).status).toBe(200);
    await settled();
    expect(
      (
        await h.db.query(`SELECT 1 FROM messages WHERE external_hash = $1`, [
          h.messageHash('facebook', commentId),
        ])
      ).rowCount,
    ).toBe(0);
    expect(pgDump()).not.toContain('ooievaarsvraag');
  });

  it('records hide and unhide as a state', async () => {
    const from = uniqueId();
    const post = postId();
    const commentId = uniqueId('c');
    await comment({ from, postId: post, commentId, message: 'Reclame!' });
    const state = async () =>
      (
        await h.db.query(`SELECT platform_state FROM messages WHERE external_hash = $1`, [
          h.messageHash('facebook', commentId),
        ])
      ).rows[0].platform_state;
    await postFacebook(h.url, feedComment({ from, postId: post, commentId, verb: 'hide' }));
    await waitFor(async () => (await state()) === 'hidden');
    await postFacebook(
      h.url,
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

import { accept, GraphStandIn } from '../../../../test/support/graph-stand-in';
import { ChannelSendError } from '../channel.types';
import { FacebookClient } from './facebook.client';

describe('FacebookClient (against the local Graph stand-in)', () => {
  let graph: GraphStandIn;
  let client: FacebookClient;
  const common = { pageId: '106543210987654', accessToken: 'page-token-123', text: 'Hallo!' };

  beforeAll(async () => {
    graph = await new GraphStandIn().start();
    client = new FacebookClient({ baseUrl: graph.baseUrl, timeoutMs: 2000 });
  });
  afterAll(() => graph.stop());
  beforeEach(() => {
    graph.requests.length = 0;
    graph.behaviour = accept;
  });

  it('sends a Messenger RESPONSE to the PSID with our id as metadata', async () => {
    const { externalId } = await client.sendMessage({
      ...common,
      psid: '7012345678901234',
      idempotencyKey: 'our-id',
    });
    expect(externalId).toMatch(/^m_/);
    expect(graph.requests[0]).toMatchObject({
      method: 'POST',
      url: '/v21.0/106543210987654/messages',
      authorization: 'Bearer page-token-123',
      body: {
        recipient: { id: '7012345678901234' },
        messaging_type: 'RESPONSE',
        message: { text: 'Hallo!', metadata: 'our-id' },
      },
    });
  });

  it('tags a reply after 24 hours as HUMAN_AGENT when asked', async () => {
    await client.sendMessage({ ...common, psid: '1', idempotencyKey: 'x', humanAgentTag: true });
    expect(graph.requests[0].body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it('sends Private Replies to the comment and public replies under it', async () => {
    await client.privateReply({ ...common, commentId: '123_456' });
    await client.commentReply({ ...common, commentId: '123_456' });
    expect(graph.requests.map((r) => [r.url, r.body])).toEqual([
      [
        '/v21.0/106543210987654/messages',
        { recipient: { comment_id: '123_456' }, message: { text: 'Hallo!' } },
      ],
      ['/v21.0/123_456/comments', { message: 'Hallo!' }],
    ]);
  });

  const failure = async (status: number, error: unknown) => {
    graph.behaviour = () => ({ status, body: { error } });
    return client
      .sendMessage({ ...common, psid: '1', idempotencyKey: 'x' })
      .catch((e: ChannelSendError) => e);
  };

  it('maps the closed window (10/2018278) and an unavailable person (551) to clear states', async () => {
    expect(await failure(400, { code: 10, error_subcode: 2018278, message: 'outside window' })).toMatchObject(
      {
        code: 'WINDOW_CLOSED',
        retryable: false,
      },
    );
    expect(
      await failure(400, { code: 551, message: 'This person isn’t available right now.' }),
    ).toMatchObject({
      code: 'RECIPIENT_UNAVAILABLE',
      retryable: false,
    });
  });

  it('retries throttling and 5xx, not token errors; never echoes Meta’s text', async () => {
    const throttled = await failure(400, { code: 613, message: 'Sanne secret text' });
    expect(throttled).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect((throttled as Error).message).not.toContain('Sanne');
    expect(await failure(503, {})).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', retryable: true });
    expect(await failure(401, { code: 190 })).toMatchObject({ code: 'AUTH', retryable: false });
  });
});

import { accept, GraphStandIn } from '../../../../test/support/graph-stand-in';
import { ChannelSendError } from '../channel.types';
import { LinkedInClient } from './linkedin.client';

const ORG = 'urn:li:organization:2414183';
const SHARE = 'urn:li:share:7264123456789012345';
const COMMENT = 'urn:li:comment:(urn:li:activity:7264123456789012345,7264999000000000001)';

describe('LinkedInClient (against the local stand-in)', () => {
  let standIn: GraphStandIn;
  let client: LinkedInClient;
  const args = {
    accessToken: 'li-token-123',
    organizationUrn: ORG,
    objectUrn: SHARE,
    text: 'Ja, ook deeltijd!',
  };

  beforeAll(async () => {
    standIn = await new GraphStandIn().start();
    client = new LinkedInClient({ baseUrl: standIn.linkedInBaseUrl, version: '202511', timeoutMs: 2000 });
  });
  afterAll(() => standIn.stop());
  beforeEach(() => {
    standIn.requests.length = 0;
    standIn.behaviour = accept;
  });

  it('comments as the organization under the comment answered, with the versioned headers', async () => {
    const { externalId } = await client.comment({ ...args, parentCommentUrn: COMMENT });
    expect(externalId).toMatch(/^urn:li:comment:/);
    const [req] = standIn.requests;
    expect(req.url).toBe(
      '/rest/socialActions/urn%3Ali%3Acomment%3A%28urn%3Ali%3Aactivity%3A7264123456789012345%2C7264999000000000001%29/comments',
    );
    expect(req.headers['linkedin-version']).toBe('202511');
    expect(req.headers['x-restli-protocol-version']).toBe('2.0.0');
    expect(req.authorization).toBe('Bearer li-token-123');
    expect(req.body).toEqual({
      actor: ORG,
      object: SHARE,
      message: { text: 'Ja, ook deeltijd!' },
      parentComment: COMMENT,
    });
  });

  it('comments on the post itself when there is no comment to answer', async () => {
    await client.comment(args);
    expect(standIn.requests[0].url).toBe(
      '/rest/socialActions/urn%3Ali%3Ashare%3A7264123456789012345/comments',
    );
    expect(standIn.requests[0].body).not.toHaveProperty('parentComment');
  });

  it('shows a sunset version (426) and a bad token (401) as states an admin can act on', async () => {
    const fail = async (status: number) => {
      standIn.behaviour = () => ({ status, body: { message: 'x' } });
      return client.comment(args).catch((e: ChannelSendError) => e);
    };
    expect(await fail(426)).toMatchObject({ code: 'API_VERSION_SUNSET', retryable: false });
    expect(await fail(401)).toMatchObject({ code: 'AUTH', retryable: false });
    expect(await fail(429)).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
    expect(await fail(500)).toMatchObject({ code: 'PLATFORM_UNAVAILABLE', retryable: true });
  });
});

import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ChannelSendError } from '../channel.types';
import { WhatsAppClient } from './whatsapp.client';

interface Seen {
  method?: string;
  url?: string;
  authorization?: string;
  contentType?: string;
  body: unknown;
}

/** A local stand-in for the Graph API: records each request and answers with the queued reply. */
describe('WhatsAppClient', () => {
  let server: Server;
  let baseUrl: string;
  let seen: Seen[];
  let reply: { status: number; body: unknown; delayMs?: number };

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      seen.push({
        method: req.method,
        url: req.url,
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: JSON.parse(await readBody(req)),
      });
      const send = () => {
        res.writeHead(reply.status, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(reply.body));
      };
      if (reply.delayMs) setTimeout(send, reply.delayMs);
      else send();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v21.0`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  beforeEach(() => {
    seen = [];
    reply = { status: 200, body: okBody('wamid.OUT1') };
  });

  const args = {
    phoneNumberId: '109876543210987',
    accessToken: 'EAAG-test-token',
    to: '31612345678',
    text: 'Hoi Sanne, de open dag is op zaterdag 14 maart.',
  };

  it('posts the documented text message and returns the message id', async () => {
    const client = new WhatsAppClient({ baseUrl: `${baseUrl}/` });

    await expect(client.sendText(args)).resolves.toEqual({ externalId: 'wamid.OUT1' });

    expect(seen).toEqual([
      {
        method: 'POST',
        url: '/v21.0/109876543210987/messages',
        authorization: 'Bearer EAAG-test-token',
        contentType: 'application/json',
        body: {
          messaging_product: 'whatsapp',
          recipient_type: 'individual',
          to: '31612345678',
          type: 'text',
          text: { preview_url: false, body: 'Hoi Sanne, de open dag is op zaterdag 14 maart.' },
        },
      },
    ]);
  });

  it('addresses a BSUID through `recipient` and passes the idempotency key as callback data', async () => {
    const client = new WhatsAppClient({ baseUrl });

    await client.sendText({ ...args, to: 'NL.2093847561029384', idempotencyKey: 'outbound-42' });

    expect(seen[0].body).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      recipient: 'NL.2093847561029384',
      type: 'text',
      text: { preview_url: false, body: args.text },
      biz_opaque_callback_data: 'outbound-42',
    });
  });

  it.each([
    ['500', 500, graphError(1, 'An unknown error occurred'), 'PLATFORM_UNAVAILABLE', true, 1],
    ['429', 429, graphError(130429, 'Rate limit hit'), 'RATE_LIMITED', true, 130429],
    [
      'throttling code on a 400',
      400,
      graphError(131056, 'Pair rate limit hit'),
      'RATE_LIMITED',
      true,
      131056,
    ],
    ['131047', 400, graphError(131047, 'Re-engagement message'), 'WINDOW_CLOSED', false, 131047],
    ['401', 401, graphError(190, 'Error validating access token'), 'AUTH', false, 190],
    ['other 4xx', 400, graphError(100, 'Invalid parameter'), 'REJECTED', false, 100],
    ['5xx without a JSON body', 502, 'Bad Gateway', 'PLATFORM_UNAVAILABLE', true, undefined],
  ])('maps %s', async (_label, status, body, code, retryable, platformCode) => {
    reply = { status, body };
    const error = await sendAndCatch(new WhatsAppClient({ baseUrl }));

    expect(error).toMatchObject({ code, retryable, platformCode });
    expectNoPersonalData(error);
  });

  it('tells staff how to reach someone whose 24-hour window has closed', async () => {
    reply = { status: 400, body: graphError(131047, 'Re-engagement message') };
    const error = await sendAndCatch(new WhatsAppClient({ baseUrl }));

    expect(error.userMessage).toMatch(/24-hour/);
    expect(error.userMessage).toMatch(/template/);
    expect(error.userMessage).toMatch(/writes again/);
    expect(error.message).toContain('fbtrace_id AbCdEf123');
  });

  it('treats a timeout as retryable', async () => {
    reply = { status: 200, body: okBody('wamid.LATE'), delayMs: 500 };
    const error = await sendAndCatch(new WhatsAppClient({ baseUrl, timeoutMs: 50 }));

    expect(error).toMatchObject({ code: 'TIMEOUT', retryable: true });
    expectNoPersonalData(error);
  });

  it('treats a refused connection as retryable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const error = await sendAndCatch(new WhatsAppClient({ baseUrl: `http://127.0.0.1:${port}` }));

    expect(error).toMatchObject({ code: 'NETWORK', retryable: true });
    expect(error.message).toContain('ECONNREFUSED');
  });

  it('does not retry a success answer without a message id, which may have been sent', async () => {
    reply = { status: 200, body: { messaging_product: 'whatsapp', messages: [] } };
    const error = await sendAndCatch(new WhatsAppClient({ baseUrl }));

    expect(error).toMatchObject({ code: 'BAD_RESPONSE', retryable: false });
  });

  it('uses the injected fetch', async () => {
    const fetchImpl = jest.fn(
      async () => new Response(JSON.stringify(okBody('wamid.FAKE')), { status: 200 }),
    );
    const client = new WhatsAppClient({ baseUrl: 'https://graph.example.test/v21.0', fetchImpl });

    await expect(client.sendText(args)).resolves.toEqual({ externalId: 'wamid.FAKE' });
    expect(fetchImpl).toHaveBeenCalledWith(
      'https://graph.example.test/v21.0/109876543210987/messages',
      expect.objectContaining({ method: 'POST' }),
    );
  });

  async function sendAndCatch(client: WhatsAppClient): Promise<ChannelSendError> {
    const error = await client.sendText(args).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ChannelSendError);
    return error as ChannelSendError;
  }

  function expectNoPersonalData(error: ChannelSendError) {
    for (const text of [error.message, error.userMessage]) {
      expect(text).not.toContain(args.to);
      expect(text).not.toContain('Sanne');
      expect(text).not.toContain(args.accessToken);
    }
  }
});

function okBody(id: string) {
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: '31612345678', wa_id: '31612345678' }],
    messages: [{ id }],
  };
}

// Meta's error text may echo request content; the stand-in does so on purpose.
function graphError(code: number, title: string) {
  return {
    error: {
      message: `(#${code}) ${title} for 31612345678: Hoi Sanne`,
      type: 'OAuthException',
      code,
      error_subcode: 2494010,
      fbtrace_id: 'AbCdEf123',
    },
  };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

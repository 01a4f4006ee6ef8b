import { connect, Socket } from 'node:net';
import { loadConfig } from '../../libs/platform/src';
import { AppProcess, startApi, testEnv } from '../support/processes';
import { signedBody, waTextWebhook } from '../support/whatsapp-payloads';

jest.setTimeout(60_000);

const opened = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const s = connect(port, '127.0.0.1', () => resolve(s));
    s.once('error', reject);
  });

describe('webhook endpoint hardening', () => {
  let app: AppProcess & { url: string };
  let port: number;

  beforeAll(async () => {
    app = await startApi(
      testEnv({
        redisPrefix: `${process.env.TEST_REDIS_PREFIX}-webhook-hardening`,
        extra: { HTTP_REQUEST_TIMEOUT: 'PT3S', HTTP_MAX_CONNECTIONS: '20' },
      }),
    );
    port = Number(new URL(app.url).port);
  });

  afterAll(async () => {
    await app?.kill();
  });

  it('cuts off a trickling body (30 s by default; 3 s here)', async () => {
    expect(loadConfig({ NODE_ENV: 'test' }).httpRequestTimeoutMs).toBe(30_000);
    const socket = await opened(port);
    socket.write(
      'POST /webhooks/whatsapp HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{',
    );
    const started = Date.now();
    const trickle = setInterval(() => socket.write(' '), 200);
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    await new Promise((resolve) => socket.once('close', resolve));
    clearInterval(trickle);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  });

  it('refuses connections over the cap', async () => {
    const sockets: Socket[] = [];
    const closedEarly: Socket[] = [];
    for (let i = 0; i < 25; i++) {
      const s = await opened(port);
      s.once('close', () => closedEarly.push(s));
      sockets.push(s);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(closedEarly.length).toBeGreaterThanOrEqual(5);
    for (const s of sockets) s.destroy();
    await new Promise((r) => setTimeout(r, 300));
    expect((await fetch(`${app.url}/health`)).status).toBe(200);
  });

  it('rate-limits an address that keeps sending bad signatures, not the platform', async () => {
    const post = (address: string, signature: string) =>
      fetch(`${app.url}/webhooks/whatsapp`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hub-signature-256': signature,
          'x-forwarded-for': address,
        },
        body: signedBody(waTextWebhook([{ from: '31611111111', text: 'x' }])).raw,
      });
    const statuses: number[] = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await post('198.51.100.5', `sha256=${'0'.repeat(64)}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(21)).toEqual([429]);
    const good = signedBody(waTextWebhook([{ from: '31611111112', text: 'Goede vraag' }]));
    const res = await fetch(`${app.url}/webhooks/whatsapp`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': good.signature,
        'x-forwarded-for': '203.0.113.9',
      },
      body: good.raw,
    });
    expect(res.status).toBe(200);
  });
});

import { io } from 'socket.io-client';
import { api, login } from '../support/api-client';
import { ADMIN, AppProcess, startApi, testEnv } from '../support/processes';

jest.setTimeout(60_000);

describe('authentication', () => {
  let apiApp: AppProcess & { url: string };

  beforeAll(async () => {
    apiApp = await startApi(testEnv());
  });

  afterAll(async () => {
    await apiApp?.kill();
  });

  const attempt = (email: string, password: string) =>
    api<{ error?: { code: string; message: string } }>(apiApp.url, null, 'POST', '/api/auth/login', {
      email,
      password,
    });

  it('answers unknown emails and wrong passwords alike, and never returns a password hash', async () => {
    const unknown = await attempt('nobody-here@school.test', 'whatever-password');
    const wrong = await attempt(ADMIN.email, 'not-the-password');
    expect(unknown.status).toBe(401);
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    const ok = await api<{ accessToken: string; user: Record<string, unknown> }>(
      apiApp.url,
      null,
      'POST',
      '/api/auth/login',
      ADMIN,
    );
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body.user).sort()).toEqual(['email', 'id', 'name', 'role', 'teamId']);
    expect(JSON.stringify(ok.body)).not.toMatch(/argon2|password/i);
  });

  it('throttles repeated failures for an account with 429', async () => {
    const email = `target-${Date.now()}@school.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await attempt(email, `guess-${i}`)).status);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
    const limited = await attempt(email, 'guess-again');
    expect(limited.body.error?.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('rejects malformed login bodies with 400 and a readable message', async () => {
    const res = await api<{ error: { code: string; message: string } }>(
      apiApp.url,
      null,
      'POST',
      '/api/auth/login',
      { email: 'not-an-email' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/email/);
  });

  it('refuses socket connections without a valid token', async () => {
    for (const auth of [{}, { token: 'not-a-token' }]) {
      const socket = io(apiApp.url, {
        path: '/socket.io',
        auth,
        transports: ['websocket'],
        reconnection: false,
      });
      const outcome = await new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(err.message));
      });
      socket.disconnect();
      expect(outcome).toMatch(/UNAUTHORIZED/);
    }
    const token = await login(apiApp.url, ADMIN.email, ADMIN.password);
    const socket = io(apiApp.url, {
      path: '/socket.io',
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.disconnect();
  });

  it('reports health', async () => {
    const res = await fetch(`${apiApp.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok' });
  });
});

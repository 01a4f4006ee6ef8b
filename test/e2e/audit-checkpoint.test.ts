import { randomBytes } from 'node:crypto';
import { api, login, userWithRole } from '../support/api-client';
import { ADMIN, AppProcess, startApi, testEnv } from '../support/processes';

jest.setTimeout(60_000);

interface Checkpoint {
  events: number;
  head: string;
  at: string;
  signature: string;
}

describe('audit checkpoints over HTTP', () => {
  let app: AppProcess & { url: string };
  let officer: string;
  let admin: string;

  beforeAll(async () => {
    app = await startApi(testEnv());
    admin = await login(app.url, ADMIN.email, ADMIN.password);
    officer = (await userWithRole(app.url, admin, 'privacy_officer')).token;
  });

  afterAll(async () => {
    await app?.kill();
  });

  it('hands out a signed checkpoint and verifies the chain against it', async () => {
    const cp = await api<Checkpoint>(app.url, officer, 'GET', '/api/audit/checkpoint');
    expect(cp.status).toBe(200);
    expect(Object.keys(cp.body).sort()).toEqual(['at', 'events', 'head', 'signature']);
    expect(cp.body.events).toBeGreaterThan(0);
    await api(app.url, admin, 'POST', '/api/teams', { name: `Checkpoint ${randomBytes(3).toString('hex')}` });

    const res = await api(app.url, officer, 'POST', '/api/audit/verify', cp.body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ valid: true, events: expect.any(Number), checkpoint: 'matches' });

    const forged = await api<{ error: { code: string } }>(app.url, officer, 'POST', '/api/audit/verify', {
      ...cp.body,
      events: cp.body.events + 1,
    });
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('CHECKPOINT_INVALID');
    const malformed = await api(app.url, officer, 'POST', '/api/audit/verify', { events: 'x' });
    expect(malformed.status).toBe(400);
    expect((await api(app.url, admin, 'GET', '/api/audit/checkpoint')).status).toBe(403);
  });
});

import { Emitter } from '@socket.io/redis-emitter';
import Redis from 'ioredis';
import { randomBytes } from 'node:crypto';
import { Socket } from 'socket.io-client';
import {
  api,
  connectSocket,
  createUser,
  login,
  teamWithAgent,
  USER_PASSWORD,
  type UserRole,
} from '../support/api-client';
import { ADMIN, AppProcess, startApi, testEnv, waitFor } from '../support/processes';

jest.setTimeout(120_000);

const PASSWORD = USER_PASSWORD;

/** Milliseconds until `check` holds, polling every 25 ms, or a failure after `limitMs`. */
async function msUntil(check: () => Promise<boolean>, limitMs: number): Promise<number> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > limitMs) throw new Error(`not within ${limitMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
  return Date.now() - start;
}

const closed = (socket: Socket) =>
  new Promise<number>((resolve) => {
    const start = Date.now();
    if (socket.disconnected) resolve(0);
    socket.once('disconnect', () => resolve(Date.now() - start));
  });

describe('sessions and staff administration', () => {
  const env = testEnv();
  let a: AppProcess & { url: string };
  let b: AppProcess & { url: string };
  let admin: string;
  let officer: string;

  const status = async (url: string, token: string) => (await api(url, token, 'GET', '/api/cases')).status;
  const newUser = async (role: UserRole, teamId?: string) => {
    const { userId, email } = await createUser(a.url, admin, role, teamId);
    return { id: userId, email };
  };
  const auditOf = async (userId: string) =>
    (
      await api<{ items: { action: string; objectId: string; detail: string | null }[] }>(
        a.url,
        officer,
        'GET',
        '/api/audit?limit=500',
      )
    ).body.items.filter((e) => e.objectId === userId);

  beforeAll(async () => {
    [a, b] = await Promise.all([startApi(env), startApi(env)]);
    admin = await login(a.url, ADMIN.email, ADMIN.password);
    const po = await newUser('privacy_officer');
    officer = await login(a.url, po.email, PASSWORD);
  });

  afterAll(async () => {
    await Promise.all([a?.kill(), b?.kill()]);
  });

  it('lists users with their active flag and no password hash', async () => {
    const agent = await teamWithAgent(a.url, 'Sessions');
    const res = await api<{ items: Record<string, unknown>[] }>(a.url, admin, 'GET', '/api/users');
    expect(res.status).toBe(200);
    const row = res.body.items.find((u) => u.id === agent.userId)!;
    expect(Object.keys(row).sort()).toEqual(['active', 'email', 'id', 'name', 'role', 'teamId']);
    expect(row.active).toBe(true);
    expect(JSON.stringify(res.body)).not.toMatch(/argon2|password/i);
  });

  it('deactivation ends tokens on every instance within a second and closes sockets at once', async () => {
    const agent = await teamWithAgent(a.url, 'Sessions');
    expect(await status(a.url, agent.token)).toBe(200);
    expect(await status(b.url, agent.token)).toBe(200);
    const { socket } = await connectSocket(b.url, agent.token);
    const socketClosed = closed(socket);

    const res = await api<{ active: boolean }>(a.url, admin, 'PATCH', `/api/users/${agent.userId}`, {
      active: false,
    });
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);
    expect(await status(a.url, agent.token)).toBe(401);
    const onB = await msUntil(async () => (await status(b.url, agent.token)) === 401, 1000);
    expect(onB).toBeLessThanOrEqual(1000);
    expect(
      await Promise.race([socketClosed, new Promise((r) => setTimeout(() => r('open'), 1000))]),
    ).not.toBe('open');
    const relogin = await api(a.url, null, 'POST', '/api/auth/login', {
      email: agent.email,
      password: PASSWORD,
    });
    expect(relogin.status).toBe(401);

    await expect(connectSocket(b.url, agent.token)).rejects.toThrow(/UNAUTHORIZED/);
    const audit = await auditOf(agent.userId);
    expect(audit.map((e) => [e.action, e.detail])).toEqual(
      expect.arrayContaining([
        ['user.created', 'role:agent'],
        ['user.deactivated', 'role:agent'],
      ]),
    );
    expect(JSON.stringify(audit)).not.toContain(agent.email);
  });

  it('a role or team change ends tokens already issued; the new login carries the new role', async () => {
    const agent = await teamWithAgent(a.url, 'Sessions');
    const other = await teamWithAgent(a.url, 'Sessions elsewhere');
    const res = await api(a.url, admin, 'PATCH', `/api/users/${agent.userId}`, { role: 'team_lead' });
    expect(res.status).toBe(200);
    expect(await status(a.url, agent.token)).toBe(401);
    await msUntil(async () => (await status(b.url, agent.token)) === 401, 1000);
    const lead = await login(b.url, agent.email, PASSWORD);
    expect(await status(b.url, lead)).toBe(200);

    const moved = await api(a.url, admin, 'PATCH', `/api/users/${agent.userId}`, { teamId: other.teamId });
    expect(moved.status).toBe(200);
    await msUntil(async () => (await status(b.url, lead)) === 401, 1000);
    expect((await auditOf(agent.userId)).map((e) => e.detail)).toEqual(
      expect.arrayContaining(['role:agent->team_lead', `team:${agent.teamId}->${other.teamId}`]),
    );
  });

  it('refuses a team role without a team, an unknown team, and demoting the last admin', async () => {
    const agent = await teamWithAgent(a.url, 'Sessions');
    const noTeam = await api<{ error: { message: string } }>(
      a.url,
      admin,
      'PATCH',
      `/api/users/${agent.userId}`,
      {
        teamId: null,
      },
    );
    expect(noTeam.status).toBe(400);
    const unknown = await api(a.url, admin, 'PATCH', `/api/users/${agent.userId}`, {
      teamId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
    const users = await api<{ items: { id: string; email: string; role: string; active: boolean }[] }>(
      a.url,
      admin,
      'GET',
      '/api/users',
    );
    const adminId = users.body.items.find((u) => u.email === ADMIN.email)!.id;
    // Other files share the database and may have made admins of their own: this one must be the last.
    for (const other of users.body.items.filter((u) => u.role === 'admin' && u.active && u.id !== adminId)) {
      expect((await api(a.url, admin, 'PATCH', `/api/users/${other.id}`, { active: false })).status).toBe(
        200,
      );
    }
    const demote = await api(a.url, admin, 'PATCH', `/api/users/${adminId}`, { role: 'manager' });
    expect(demote.status).toBe(409);
    expect(await status(a.url, agent.token)).toBe(200);
  });

  it('logout answers 204 and the token stops working at once', async () => {
    const agent = await teamWithAgent(a.url, 'Sessions');
    const { socket } = await connectSocket(a.url, agent.token);
    const socketClosed = closed(socket);
    const res = await fetch(`${a.url}/api/auth/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${agent.token}` },
    });
    expect(res.status).toBe(204);
    expect(await status(a.url, agent.token)).toBe(401);
    await msUntil(async () => (await status(b.url, agent.token)) === 401, 1000);
    await socketClosed;
    const again = await login(a.url, agent.email, PASSWORD);
    expect(await status(b.url, again)).toBe(200);
  });

  it('only roles that see cases join their team room', async () => {
    const agent = await teamWithAgent(a.url, 'Rooms');
    const manager = await newUser('manager', agent.teamId);
    const managerToken = await login(a.url, manager.email, PASSWORD);
    const agentSocket = await connectSocket(b.url, agent.token);
    const managerSocket = await connectSocket(b.url, managerToken);
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    const emitter = new Emitter(redis, { key: `${process.env.TEST_REDIS_PREFIX}:socket.io` });
    emitter
      .to(`team:${agent.teamId}`)
      .emit('case.updated', { caseId: 'c', status: 'open', assigneeId: null });
    await waitFor(async () => agentSocket.events.some((e) => e.event === 'case.updated'), 5000);
    await new Promise((r) => setTimeout(r, 300));
    expect(managerSocket.events.filter((e) => e.event === 'case.updated')).toEqual([]);
    agentSocket.socket.disconnect();
    managerSocket.socket.disconnect();
    redis.disconnect();
  });

  it('channel account secrets are rotated by their own audited action, never by a second create', async () => {
    const teams = await api<{ items: { id: string; name: string }[] }>(a.url, admin, 'GET', '/api/teams');
    const teamId = teams.body.items[0].id;
    const account = {
      channel: 'whatsapp',
      externalId: `5550${Date.now()}`,
      name: 'Rotation test',
      teamId,
      appSecret: 'first-app-secret',
      verifyToken: 'verify-me',
      accessToken: 'first-access-token',
    };
    const created = await api<{ id: string }>(a.url, admin, 'POST', '/api/channel-accounts', account);
    expect(created.status).toBe(201);
    const again = await api(a.url, admin, 'POST', '/api/channel-accounts', {
      ...account,
      appSecret: 'overwrite-attempt',
    });
    expect(again.status).toBe(409);
    const rotated = await api(a.url, admin, 'PUT', `/api/channel-accounts/${created.body.id}/secrets`, {
      appSecret: 'second-app-secret',
    });
    expect(rotated.status).toBe(200);
    expect(JSON.stringify(rotated.body)).not.toContain('second-app-secret');
    const audit = await auditOf(created.body.id);
    expect(audit.map((e) => [e.action, e.detail])).toEqual(
      expect.arrayContaining([
        ['channel_account.created', null],
        ['channel_account.secrets_rotated', 'appSecret'],
      ]),
    );
  });

  describe('login throttling', () => {
    const attempt = (email: string, password: string, address: string) =>
      fetch(`${a.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ email, password }),
      });

    it('locks the guessing address out of an account, not the colleague at another address', async () => {
      const agent = await teamWithAgent(a.url, 'Sessions');
      const statuses: number[] = [];
      for (let i = 0; i < 7; i++)
        statuses.push((await attempt(agent.email, `guess-${i}`, '192.0.2.10')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
      const locked = await attempt(agent.email, PASSWORD, '192.0.2.10');
      expect(locked.status).toBe(429);
      expect(((await locked.json()) as { error: { message: string } }).error.message).toMatch(/\d+ seconds/);
      expect((await attempt(agent.email, PASSWORD, '198.51.100.20')).status).toBe(200);
    });

    it('counts parallel guesses atomically', async () => {
      const agent = await teamWithAgent(a.url, 'Sessions');
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => attempt(agent.email, `parallel-${i}`, '192.0.2.11')),
      );
      const wrong = results.filter((r) => r.status === 401).length;
      expect(wrong).toBeLessThanOrEqual(5);
      expect(results.filter((r) => r.status === 429).length).toBe(20 - wrong);
    });
  });
});

describe('token expiry and rate limits', () => {
  let c: AppProcess & { url: string };

  beforeAll(async () => {
    c = await startApi(
      testEnv({
        redisPrefix: `${process.env.TEST_REDIS_PREFIX}-limits`,
        extra: { ACCESS_TOKEN_TTL: 'PT3S', API_RATE_LIMIT: '8', API_STRICT_RATE_LIMIT: '2' },
      }),
    );
  });

  afterAll(async () => {
    await c?.kill();
  });

  it('closes a socket when its token expires', async () => {
    const token = await login(c.url, ADMIN.email, ADMIN.password);
    const { socket } = await connectSocket(c.url, token);
    const after = await closed(socket);
    expect(after).toBeLessThan(3500);
    expect((await api(c.url, token, 'GET', '/api/users')).status).toBe(401);
  });

  it('limits every /api route per caller, and expensive ones more strictly', async () => {
    const adminToken = await login(c.url, ADMIN.email, ADMIN.password);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await api(c.url, adminToken, 'GET', '/api/teams')).status);
    expect(statuses.slice(0, 8).every((s) => s === 200)).toBe(true);
    expect(statuses[8]).toBe(429);

    const email = `po-${randomBytes(4).toString('hex')}@school.test`;
    await api(c.url, await login(c.url, ADMIN.email, ADMIN.password), 'POST', '/api/users', {
      email,
      password: PASSWORD,
      name: 'Officer',
      role: 'privacy_officer',
    });
    const po = await login(c.url, email, PASSWORD);
    const verify: number[] = [];
    for (let i = 0; i < 3; i++) verify.push((await api(c.url, po, 'GET', '/api/audit/verify')).status);
    expect(verify).toEqual([200, 200, 429]);
    const body = await api<{ error: { code: string } }>(c.url, po, 'GET', '/api/audit/verify');
    expect(body.body.error.code).toBe('TOO_MANY_REQUESTS');
    expect((await api(c.url, po, 'GET', '/api/deletions')).status).toBe(200);
  });
});

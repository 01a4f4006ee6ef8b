import { io, Socket } from 'socket.io-client';
import { ADMIN } from './processes';

export async function login(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** One JSON request (a non-JSON answer, such as CSV, comes back as text); `token` null calls the route without authentication. */
export async function api<T = unknown>(
  baseUrl: string,
  token: string | null,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = (res.headers.get('content-type') ?? '').includes('json');
  return { status: res.status, body: (text ? (json ? JSON.parse(text) : text) : null) as T };
}

/** An agent in an existing team (the bootstrap admin creates it); returns the agent's token. */
export async function agentOfTeam(
  baseUrl: string,
  teamName: string,
): Promise<{ teamId: string; token: string }> {
  const adminToken = await login(baseUrl, ADMIN.email, ADMIN.password);
  const teams = await api<{ items: { id: string; name: string }[] }>(
    baseUrl,
    adminToken,
    'GET',
    '/api/teams',
  );
  const teamId = teams.body.items?.find((t) => t.name === teamName)?.id;
  if (!teamId) throw new Error(`team ${teamName} not found: ${JSON.stringify(teams.body)}`);
  const email = `bench-agent-${Math.random().toString(36).slice(2)}@school.bench`;
  const password = 'a-long-password-for-the-bench';
  const created = await api<{ id: string }>(baseUrl, adminToken, 'POST', '/api/users', {
    email,
    password,
    name: 'Bench Agent',
    role: 'agent',
    teamId,
  });
  if (created.status !== 201) throw new Error(`user create failed: ${JSON.stringify(created.body)}`);
  return { teamId, token: await login(baseUrl, email, password) };
}

/** A real socket.io client; `onEvent` sees every server event from the first one on. */
export async function connectSocket(
  baseUrl: string,
  token: string,
  onEvent?: (event: string, payload: unknown) => void,
): Promise<Socket> {
  const socket = io(baseUrl, {
    path: '/socket.io',
    auth: { token },
    transports: ['websocket'],
    reconnection: false,
  });
  if (onEvent) socket.onAny(onEvent);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', (err) => reject(err));
  });
  return socket;
}

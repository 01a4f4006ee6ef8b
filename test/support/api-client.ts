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

export type UserRole = 'agent' | 'team_lead' | 'manager' | 'privacy_officer' | 'admin';
export const USER_PASSWORD = 'a-long-password-for-tests';

/** A new user with this role (agents and team leads belong to `teamId`), password USER_PASSWORD. */
export async function createUser(
  baseUrl: string,
  adminToken: string,
  role: UserRole,
  teamId?: string,
  email = `${role}-${Math.random().toString(36).slice(2)}@school.test`,
): Promise<{ userId: string; email: string }> {
  const created = await api<{ id: string }>(baseUrl, adminToken, 'POST', '/api/users', {
    email,
    password: USER_PASSWORD,
    name: `Test ${role}`,
    role,
    teamId,
  });
  if (created.status !== 201) throw new Error(`user create failed: ${JSON.stringify(created.body)}`);
  return { userId: created.body.id, email };
}

/** A new user with this role (agents and team leads belong to `teamId`), logged in. */
export async function userWithRole(
  baseUrl: string,
  adminToken: string,
  role: UserRole,
  teamId?: string,
): Promise<{ userId: string; token: string; email: string }> {
  const user = await createUser(baseUrl, adminToken, role, teamId);
  return { ...user, token: await login(baseUrl, user.email, USER_PASSWORD) };
}

/** The id of the team with this name, created when there is none. */
export async function teamNamed(baseUrl: string, adminToken: string, name: string): Promise<string> {
  const teams = await api<{ items: { id: string; name: string }[] }>(
    baseUrl,
    adminToken,
    'GET',
    '/api/teams',
  );
  return (
    teams.body.items.find((t) => t.name === name)?.id ??
    (await api<{ id: string }>(baseUrl, adminToken, 'POST', '/api/teams', { name })).body.id
  );
}

/** Creates a team with an agent and returns the agent's token. */
export async function teamWithAgent(
  baseUrl: string,
  teamName: string,
  role: 'agent' | 'team_lead' = 'agent',
  existingTeamId?: string,
): Promise<{ teamId: string; userId: string; token: string; email: string }> {
  const adminToken = await login(baseUrl, ADMIN.email, ADMIN.password);
  const teamId = existingTeamId ?? (await teamNamed(baseUrl, adminToken, teamName));
  return { teamId, ...(await userWithRole(baseUrl, adminToken, role, teamId)) };
}

/** A real socket.io client; `onEvent` sees every server event from the first one on. */
export async function openSocket(
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

export interface RecordedEvent {
  event: string;
  payload: unknown;
}

/** A real socket.io client that records every event it receives. */
export async function connectSocket(
  baseUrl: string,
  token: string,
): Promise<{ socket: Socket; events: RecordedEvent[] }> {
  const events: RecordedEvent[] = [];
  const socket = await openSocket(baseUrl, token, (event, payload) => events.push({ event, payload }));
  return { socket, events };
}

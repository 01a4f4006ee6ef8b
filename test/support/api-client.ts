import { Socket } from 'socket.io-client';
import { api, connectSocket as connectBenchSocket, login } from '../../bench/support/api-client';
import { ADMIN } from './processes';

export { api, login };

/** Creates a team with an agent and returns the agent's token. */
export async function teamWithAgent(
  baseUrl: string,
  teamName: string,
  role: 'agent' | 'team_lead' = 'agent',
  existingTeamId?: string,
): Promise<{ teamId: string; userId: string; token: string; email: string }> {
  const adminToken = await login(baseUrl, ADMIN.email, ADMIN.password);
  let teamId = existingTeamId;
  if (!teamId) {
    const teams = await api<{ items: { id: string; name: string }[] }>(
      baseUrl,
      adminToken,
      'GET',
      '/api/teams',
    );
    teamId =
      teams.body.items.find((t) => t.name === teamName)?.id ??
      (await api<{ id: string }>(baseUrl, adminToken, 'POST', '/api/teams', { name: teamName })).body.id;
  }
  const email = `${role}-${Math.random().toString(36).slice(2)}@school.test`;
  const password = 'a-long-password-for-tests';
  const created = await api<{ id: string }>(baseUrl, adminToken, 'POST', '/api/users', {
    email,
    password,
    name: `Test ${role}`,
    role,
    teamId,
  });
  if (created.status !== 201) throw new Error(`user create failed: ${JSON.stringify(created.body)}`);
  return { teamId, userId: created.body.id, token: await login(baseUrl, email, password), email };
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
  const socket = await connectBenchSocket(baseUrl, token, (event, payload) =>
    events.push({ event, payload }),
  );
  return { socket, events };
}

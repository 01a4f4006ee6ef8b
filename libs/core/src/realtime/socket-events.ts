/** Socket events carry ids and non-personal metadata only; clients fetch content over HTTP. */
export interface SocketEvents {
  'case.created': { caseId: string; channel: string; teamId: string };
  'case.updated': { caseId: string; status: string; assigneeId: string | null };
  'message.created': { caseId: string; messageId: string; direction: 'in' | 'out' };
  'escalation.updated': { escalationId: string; caseId: string; status: string };
  'presence.updated': { caseId: string; userIds: string[] };
}
export type SocketEventName = keyof SocketEvents;

export const teamRoom = (teamId: string) => `team:${teamId}`;
export const userRoom = (userId: string) => `user:${userId}`;

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

/** A socket event decided inside a transaction, sent to its rooms only after the commit. */
export interface PendingEmit<E extends SocketEventName = SocketEventName> {
  rooms: string[];
  event: E;
  payload: SocketEvents[E];
}

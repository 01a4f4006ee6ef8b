import { PendingEmit, teamRoom, userRoom } from '@webcare/platform';
import { FiledThread, IntakeItem } from './intake-threads';

/** Socket events for a filed batch: new and reopened cases first, then every message stored. */
export function intakeEmits(
  threads: FiledThread[],
  items: IntakeItem[],
  messageIds: string[],
  stored: Set<string>,
): PendingEmit[] {
  const rooms = (t: FiledThread) => [
    teamRoom(t.kase.team_id),
    ...(t.kase.assignee_id ? [userRoom(t.kase.assignee_id)] : []),
  ];
  const emits: PendingEmit[] = [];
  for (const t of threads) {
    const { id: caseId, team_id: teamId, assignee_id: assigneeId } = t.kase;
    if (t.created) {
      emits.push({
        rooms: rooms(t),
        event: 'case.created',
        payload: { caseId, channel: t.account.channel, teamId },
      });
    } else if (t.reopened) {
      emits.push({
        rooms: rooms(t),
        event: 'case.updated',
        payload: { caseId, status: 'open', assigneeId },
      });
    }
  }
  items.forEach((item, i) => {
    const messageId = messageIds[i];
    if (!stored.has(messageId)) return;
    const thread = threads[item.thread];
    emits.push({
      rooms: rooms(thread),
      event: 'message.created',
      payload: { caseId: thread.kase.id, messageId, direction: 'in' },
    });
  });
  return emits;
}

import { TokenVault } from '@webcare/anonymizer';
import { InboundMessageEvent } from '@webcare/channels';
import { ChannelAccountSecrets } from '@webcare/domain';
import { intakeEmits } from './intake-emits';
import { FiledThread } from './intake-threads';

const thread = (caseId: string, over: Partial<FiledThread>): FiledThread => ({
  account: { id: 'a1', channel: 'whatsapp', teamId: 't1' } as ChannelAccountSecrets,
  hash: Buffer.from(caseId),
  threadHash: null,
  first: {} as InboundMessageEvent,
  lastAt: new Date(),
  contactId: `contact-${caseId}`,
  openCase: null,
  kase: { id: caseId, team_id: 't1', assignee_id: null, status: 'open', data_key_id: 'k' },
  key: Buffer.alloc(32),
  vault: new TokenVault(),
  created: false,
  reopened: false,
  ...over,
});

describe('intakeEmits', () => {
  it('announces new and reopened cases first, then each message stored, to the team and assignee', () => {
    const created = thread('c1', { created: true });
    const reopened = thread('c2', {
      reopened: true,
      kase: { id: 'c2', team_id: 't1', assignee_id: 'u1', status: 'answered', data_key_id: 'k' },
    });
    const quiet = thread('c3', {});
    const items = [0, 1, 2, 1].map((n) => ({ thread: n, event: {} as InboundMessageEvent }));
    const emits = intakeEmits(
      [created, reopened, quiet],
      items,
      ['m1', 'm2', 'm3', 'm4'],
      new Set(['m1', 'm2', 'm4']),
    );
    expect(emits.map((e) => [e.event, e.rooms, e.payload])).toEqual([
      ['case.created', ['team:t1'], { caseId: 'c1', channel: 'whatsapp', teamId: 't1' }],
      ['case.updated', ['team:t1', 'user:u1'], { caseId: 'c2', status: 'open', assigneeId: 'u1' }],
      ['message.created', ['team:t1'], { caseId: 'c1', messageId: 'm1', direction: 'in' }],
      ['message.created', ['team:t1', 'user:u1'], { caseId: 'c2', messageId: 'm2', direction: 'in' }],
      // m3 was a platform retry of a message already stored: no event
      ['message.created', ['team:t1', 'user:u1'], { caseId: 'c2', messageId: 'm4', direction: 'in' }],
    ]);
  });
});

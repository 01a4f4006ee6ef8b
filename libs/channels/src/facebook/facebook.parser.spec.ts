import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookPayloadError } from '../channel.types';
import { facebookStandbyCount, parseFacebookWebhook } from './facebook.parser';

const PAGE = '106543210987654';
const PSID = '7012345678901234';
const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/facebook', `${name}.json`), 'utf8'));
const parse = (name: string) => parseFacebookWebhook(fixture(name));

describe('parseFacebookWebhook: Messenger', () => {
  it('reads a text message from a PSID to the page', () => {
    expect(parse('messenger-text')).toEqual([
      {
        kind: 'message',
        channel: 'facebook',
        accountExternalId: PAGE,
        externalId: 'm_fixture_text_1',
        senderExternalId: PSID,
        messageType: 'text',
        text: 'Hoi, wanneer is de open dag van de opleiding Verpleegkunde?',
        timestamp: new Date(1764500000000),
        replyToExternalId: undefined,
      },
    ]);
  });

  it('keeps every event of every entry, in order', () => {
    expect(
      parse('messenger-batched').map((e) => [e.externalId, 'senderExternalId' in e && e.senderExternalId]),
    ).toEqual([
      ['m_fixture_batch_1', PSID],
      ['m_fixture_batch_2', PSID],
      ['m_fixture_batch_3', '7012345678905678'],
    ]);
  });

  it('shows attachments as typed placeholders, quick replies and postbacks by their title', () => {
    expect(parse('messenger-attachments')[0]).toMatchObject({ messageType: 'image', text: '[image] [file]' });
    expect(parse('messenger-quick-reply')[0]).toMatchObject({ messageType: 'quick_reply', text: 'Bachelor' });
    expect(parse('messenger-postback')[0]).toMatchObject({
      kind: 'message',
      externalId: 'm_fixture_pb_1',
      messageType: 'postback',
      text: 'Open dag aanmelden',
    });
  });

  it('turns echoes (numeric or string app_id) into sent statuses, never messages', () => {
    expect(parse('messenger-echo-numeric-app-id')).toEqual([
      expect.objectContaining({
        kind: 'status',
        status: 'sent',
        externalId: 'm_fixture_echo_1',
        recipientExternalId: PSID,
        clientReference: '00000000-0000-4000-8000-000000000001',
      }),
    ]);
    expect(parse('messenger-echo-string-app-id')).toEqual([
      expect.objectContaining({ kind: 'status', status: 'sent', externalId: 'm_fixture_echo_2' }),
    ]);
  });

  it('reports deliveries per mid and as a watermark; drops reads and standby events', () => {
    const delivery = parse('messenger-delivery');
    expect(delivery).toEqual([
      expect.objectContaining({ kind: 'status', status: 'delivered', externalId: 'm_fixture_echo_1' }),
      expect.objectContaining({
        kind: 'status',
        status: 'delivered',
        recipientExternalId: PSID,
        watermark: new Date(1764500000000),
      }),
    ]);
    expect(parse('messenger-read')).toEqual([]);
    expect(parse('messenger-standby')).toEqual([]);
    expect(facebookStandbyCount(fixture('messenger-standby'))).toBe(1);
  });
});

describe('parseFacebookWebhook: page comments', () => {
  const POST = `${PAGE}_1234567890123`;
  it('files a comment under its post, with what a reply needs', () => {
    expect(parse('comment-add')).toEqual([
      expect.objectContaining({
        kind: 'message',
        externalId: '1234567890123_5550001',
        senderExternalId: '6012345678901111',
        senderName: 'Sanne de Vries',
        messageType: 'comment',
        thread: POST,
        replyRef: { objectId: POST, commentId: '1234567890123_5550001', parentCommentId: undefined },
        timestamp: new Date(1764500000 * 1000),
      }),
    ]);
    expect(parse('comment-reply')[0]).toMatchObject({
      thread: POST,
      replyRef: { commentId: '1234567890123_5550002', parentCommentId: '1234567890123_5550001' },
    });
    expect(parse('comment-photo')[0]).toMatchObject({ text: '[photo]' });
  });

  it('leaves out the page’s own comments', () => {
    expect(parse('comment-by-page')).toEqual([]);
  });

  it('reads edited and edit alike, removals and hiding as comment changes', () => {
    expect(parse('comment-edited')[0]).toMatchObject({
      kind: 'comment_change',
      action: 'edit',
      externalId: '1234567890123_5550001',
      text: 'Is er nog plek bij Verpleegkunde in februari?',
    });
    expect(parse('comment-edit')[0]).toMatchObject({ kind: 'comment_change', action: 'edit' });
    expect(parse('comment-remove')[0]).toMatchObject({
      kind: 'comment_change',
      action: 'remove',
      text: undefined,
    });
    expect(parse('comment-hide')[0]).toMatchObject({ action: 'hide' });
    expect(parse('comment-unhide')[0]).toMatchObject({ action: 'unhide' });
    const [a] = parse('comment-edited');
    const [b] = parse('comment-edit');
    expect(a.kind === 'comment_change' && b.kind === 'comment_change' && a.dedupeKey !== b.dedupeKey).toBe(
      true,
    );
  });
});

describe('parseFacebookWebhook: malformed bodies', () => {
  it.each([
    ['not an object', 'x'],
    ['another object', { object: 'instagram', entry: [] }],
    ['entry not an array', { object: 'page', entry: {} }],
    [
      'messaging without sender',
      { object: 'page', entry: [{ id: PAGE, messaging: [{ recipient: { id: PAGE }, timestamp: 1 }] }] },
    ],
    [
      'message without mid',
      {
        object: 'page',
        entry: [
          {
            id: PAGE,
            messaging: [
              { sender: { id: '1' }, recipient: { id: PAGE }, timestamp: 1, message: { text: 'x' } },
            ],
          },
        ],
      },
    ],
    [
      'comment without ids',
      {
        object: 'page',
        entry: [
          {
            id: PAGE,
            changes: [{ field: 'feed', value: { item: 'comment', verb: 'add', created_time: 1 } }],
          },
        ],
      },
    ],
  ])('refuses %s without echoing values', (_name, body) => {
    expect(() => parseFacebookWebhook(body)).toThrow(WebhookPayloadError);
  });

  it('ignores other feed items (posts, reactions)', () => {
    const body = {
      object: 'page',
      entry: [{ id: PAGE, changes: [{ field: 'feed', value: { item: 'reaction', verb: 'add' } }] }],
    };
    expect(parseFacebookWebhook(body)).toEqual([]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { WebhookPayloadError } from '../channel.types';
import { parseLinkedInWebhook } from './linkedin.parser';

const ORG = 'urn:li:organization:2414183';
const SHARE = 'urn:li:share:7264123456789012345';
const COMMENT = 'urn:li:comment:(urn:li:activity:7264123456789012345,7264999000000000001)';
const parse = (name: string) =>
  parseLinkedInWebhook(
    JSON.parse(readFileSync(join(__dirname, '../../../../test/fixtures/linkedin', `${name}.json`), 'utf8')),
  );

describe('parseLinkedInWebhook', () => {
  it('opens a case per commenter and post for a COMMENT, keyed by the comment', () => {
    expect(parse('comment')).toEqual([
      {
        kind: 'message',
        channel: 'linkedin',
        accountExternalId: ORG,
        externalId: COMMENT,
        senderExternalId: 'urn:li:person:Ab12Cd34Ef',
        messageType: 'comment',
        text: 'Geldt de open dag ook voor de deeltijdopleiding?',
        thread: SHARE,
        replyRef: { objectId: SHARE, commentId: COMMENT },
        timestamp: new Date(1764500000000),
      },
    ]);
  });

  it('reads edits and deletions as comment changes of the same comment', () => {
    expect(parse('comment-edit')).toEqual([
      expect.objectContaining({
        kind: 'comment_change',
        action: 'edit',
        externalId: COMMENT,
        text: 'Geldt de open dag ook voor de Engelstalige opleiding?',
        dedupeKey: 'linkedin:notification:9002',
      }),
    ]);
    expect(parse('comment-delete')).toEqual([
      expect.objectContaining({ kind: 'comment_change', action: 'remove', externalId: COMMENT }),
    ]);
  });

  it('opens a case for a mention, answered on the person’s post', () => {
    expect(parse('share-mention')[0]).toMatchObject({
      kind: 'message',
      messageType: 'mention',
      senderExternalId: 'urn:li:person:Zx98Yw76',
      thread: 'urn:li:share:7264555555555555555',
      replyRef: { objectId: 'urn:li:share:7264555555555555555' },
    });
  });

  it('ignores our own comments, likes and shares; keeps the rest of a batch', () => {
    expect(parse('admin-comment')).toEqual([]);
    expect(parse('like')).toEqual([]);
    expect(parse('share')).toEqual([]);
    expect(parse('batched').map((e) => e.externalId)).toEqual([
      'urn:li:comment:(urn:li:activity:7264123456789012345,7264999000000000008)',
      'urn:li:comment:(urn:li:activity:7264123456789012345,7264999000000000010)',
    ]);
  });

  it('ignores other event types and refuses malformed notifications', () => {
    expect(parseLinkedInWebhook({ type: 'SOMETHING_ELSE' })).toEqual([]);
    expect(() => parseLinkedInWebhook({ type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS' })).toThrow(
      WebhookPayloadError,
    );
    expect(() =>
      parseLinkedInWebhook({
        type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
        notifications: [
          { notificationId: 1, organizationalEntity: ORG, action: 'COMMENT', sourcePost: SHARE },
        ],
      }),
    ).toThrow(WebhookPayloadError);
  });
});

import { DemoConversation } from './demo-conversations';

/** The demo's Facebook and LinkedIn conversations as the platforms would deliver them (documented shapes). */
export interface DemoDelivery {
  channel: 'facebook' | 'linkedin';
  body: unknown;
}

const DEMO_POST = '7000000000000000001';

export function demoDeliveries(
  conversations: DemoConversation[],
  accounts: { pageId?: string; organizationUrn?: string },
  start: number,
): DemoDelivery[] {
  return conversations.flatMap((c, ci) =>
    c.messages.flatMap((text, mi): DemoDelivery[] => {
      const at = start + ci * 3_600_000 + mi * 120_000;
      const id = `${ci}${String(mi).padStart(2, '0')}`;
      if (c.channel === 'facebook' && accounts.pageId) {
        return [{ channel: 'facebook', body: facebookBody(accounts.pageId, c, text, id, at) }];
      }
      if (c.channel === 'linkedin' && accounts.organizationUrn) {
        return [{ channel: 'linkedin', body: linkedInBody(accounts.organizationUrn, c, text, id, at) }];
      }
      return [];
    }),
  );
}

function facebookBody(pageId: string, c: DemoConversation, text: string, id: string, at: number): unknown {
  const entry = c.comment
    ? {
        changes: [
          {
            field: 'feed',
            value: {
              from: { id: c.sender, name: c.name },
              post_id: `${pageId}_${DEMO_POST}`,
              comment_id: `${DEMO_POST}_${id}`,
              parent_id: `${pageId}_${DEMO_POST}`,
              message: text,
              created_time: Math.floor(at / 1000),
              item: 'comment',
              verb: 'add',
            },
          },
        ],
      }
    : {
        messaging: [
          {
            sender: { id: c.sender },
            recipient: { id: pageId },
            timestamp: at,
            message: { mid: `m_demo_${id}`, text },
          },
        ],
      };
  return { object: 'page', entry: [{ id: pageId, time: at, ...entry }] };
}

function linkedInBody(
  organizationUrn: string,
  c: DemoConversation,
  text: string,
  id: string,
  at: number,
): unknown {
  const post = `urn:li:share:${DEMO_POST}`;
  return {
    type: 'ORGANIZATION_SOCIAL_ACTION_NOTIFICATIONS',
    notifications: [
      {
        notificationId: Number(`9${id}`),
        organizationalEntity: organizationUrn,
        action: 'COMMENT',
        sourcePost: post,
        generatedActivity: `urn:li:comment:(urn:li:activity:${DEMO_POST},${id})`,
        decoratedGeneratedActivity: { comment: { entity: post, owner: c.sender, text } },
        lastModifiedAt: at,
      },
    ],
  };
}

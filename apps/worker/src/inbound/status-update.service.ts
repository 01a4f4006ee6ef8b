import { Injectable } from '@nestjs/common';
import { StatusEvent } from '@webcare/channels';
import { inboundEventKey, KeyRing, queryReturning, teamRoom } from '@webcare/core';
import { EntityManager } from 'typeorm';
import { PendingEmit } from './inbound-event.handler';

/** Later states win whatever order the platform delivers them in; `read` never reaches here. */
export const DELIVERY_RANK: Record<string, number> = { queued: 0, sent: 1, delivered: 2, failed: 3 };

@Injectable()
export class StatusUpdateService {
  constructor(private readonly keyRing: KeyRing) {}

  async apply(manager: EntityManager, channelAccountId: string, event: StatusEvent): Promise<PendingEmit[]> {
    const rank = DELIVERY_RANK[event.status];
    if (rank === undefined) return [];
    const rows: {
      id: string;
      case_id: string;
      team_id: string;
      status: string;
      assignee_id: string | null;
    }[] = await manager.query(
      `UPDATE messages m SET delivery_status = $3
           FROM cases c
          WHERE m.channel_account_id = $1 AND m.external_hash = $2 AND m.direction = 'out' AND c.id = m.case_id
            AND COALESCE(array_position(ARRAY['queued','sent','delivered','failed'], m.delivery_status), 0) - 1 < $4
         RETURNING m.id, m.case_id, c.team_id, c.status, c.assignee_id`,
      [
        channelAccountId,
        this.keyRing.lookupHash(
          inboundEventKey({ kind: 'message', channel: event.channel, externalId: event.externalId }),
        ),
        event.status,
        rank,
      ],
    );
    return rows.map((r) => ({
      rooms: [teamRoom(r.team_id)],
      event: 'case.updated' as const,
      payload: { caseId: r.case_id, status: r.status, assigneeId: r.assignee_id },
    }));
  }
}

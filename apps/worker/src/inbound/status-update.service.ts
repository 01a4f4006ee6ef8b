import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { StatusEvent } from '@webcare/channels';
import { KeyRing, PendingEmit, queryReturning, teamRoom } from '@webcare/platform';
import { inboundEventKey } from '@webcare/domain';
import { EntityManager } from 'typeorm';

/**
 * Later states win whatever order the platform delivers them in; `read` never reaches here.
 * A status also settles a reply whose send was interrupted (`sending`/`unknown`): the platform
 * echoes our message id as the client reference, so the reply is found even without its wamid.
 */
const ORDER = ['queued', 'sending', 'unknown', 'sent', 'delivered', 'failed'];

@Injectable()
export class StatusUpdateService {
  constructor(private readonly keyRing: KeyRing) {}

  async apply(manager: EntityManager, channelAccountId: string, event: StatusEvent): Promise<PendingEmit[]> {
    const rank = ORDER.indexOf(event.status);
    if (rank < 0) return [];
    if (event.watermark) return this.applyWatermark(manager, channelAccountId, event, event.watermark);
    const hash = this.keyRing.lookupHash(
      inboundEventKey({ kind: 'message', channel: event.channel, externalId: event.externalId }),
    );
    const reference = event.clientReference && isUUID(event.clientReference) ? event.clientReference : null;
    const rows = await queryReturning<{
      case_id: string;
      team_id: string;
      status: string;
      assignee_id: string | null;
    }>(
      manager,
      `UPDATE messages m SET delivery_status = $3, external_hash = COALESCE(m.external_hash, $2),
              error_code = CASE WHEN $3 = 'failed' THEN COALESCE($6, 'PLATFORM_FAILED') ELSE m.error_code END
         FROM cases c
        WHERE m.channel_account_id = $1 AND m.direction = 'out' AND c.id = m.case_id
          AND (m.external_hash = $2 OR m.id = $5::uuid)
          AND COALESCE(array_position($7::text[], m.delivery_status), 0) - 1 < $4
       RETURNING m.case_id, c.team_id, c.status, c.assignee_id`,
      [
        channelAccountId,
        hash,
        event.status,
        rank,
        reference,
        event.errors?.[0] ? `PLATFORM_${event.errors[0].code}` : null,
        ORDER,
      ],
    );
    return emitsFor(rows);
  }

  /**
   * Messenger reports delivery as a watermark: everything we sent this person up to that time has arrived.
   * Only our direct messages to them move (sent → delivered); public comment replies have no delivery.
   */
  private async applyWatermark(
    manager: EntityManager,
    channelAccountId: string,
    event: StatusEvent,
    watermark: Date,
  ): Promise<PendingEmit[]> {
    if (!event.recipientExternalId) return [];
    const contact = this.keyRing.lookupHash(`${event.channel}:user:${event.recipientExternalId}`);
    const rows = await queryReturning<CaseStatusRow>(
      manager,
      `WITH moved AS (
         UPDATE messages m SET delivery_status = 'delivered'
           FROM cases c JOIN contacts ct ON ct.id = c.contact_id
          WHERE ct.channel_account_id = $1 AND ct.external_hash = $2 AND m.case_id = c.id
            AND m.direction = 'out' AND m.delivery_status = 'sent' AND m.sent_at <= $3
            AND m.visibility IS DISTINCT FROM 'public'
         RETURNING m.case_id
       )
       SELECT DISTINCT c.id AS case_id, c.team_id, c.status, c.assignee_id FROM cases c JOIN moved ON moved.case_id = c.id`,
      [channelAccountId, contact, watermark],
    );
    return emitsFor(rows);
  }
}

interface CaseStatusRow {
  case_id: string;
  team_id: string;
  status: string;
  assignee_id: string | null;
}

function emitsFor(rows: CaseStatusRow[]): PendingEmit[] {
  return rows.map((r) => ({
    rooms: [teamRoom(r.team_id)],
    event: 'case.updated' as const,
    payload: { caseId: r.case_id, status: r.status, assigneeId: r.assignee_id },
  }));
}

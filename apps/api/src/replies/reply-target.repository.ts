import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface CommentTargetRow {
  id: string;
  sent_at: Date;
  /** A private reply to this comment exists (a failed one does not count). */
  answered: boolean;
}

/** What the reply rules need to know about a case's inbound messages. */
@Injectable()
export class ReplyTargetRepository {
  async lastInboundAt(m: EntityManager, caseId: string): Promise<Date | null> {
    const [row]: { last: Date | null }[] = await m.query(
      `SELECT max(sent_at) AS last FROM messages WHERE case_id = $1 AND direction = 'in'`,
      [caseId],
    );
    return row?.last ?? null;
  }

  /** The latest inbound comment of a comment case: the one a reply answers. */
  async latestComment(m: EntityManager, caseId: string): Promise<CommentTargetRow | null> {
    const [row]: CommentTargetRow[] = await m.query(
      `SELECT t.id, t.sent_at, EXISTS (
                SELECT 1 FROM messages o
                 WHERE o.reply_to_message_id = t.id AND o.visibility = 'private' AND o.delivery_status <> 'failed'
              ) AS answered
         FROM messages t WHERE t.case_id = $1 AND t.direction = 'in' AND t.reply_ref_enc IS NOT NULL
        ORDER BY t.sent_at DESC, t.created_at DESC LIMIT 1`,
      [caseId],
    );
    return row ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface StoredCommentRow {
  id: string;
  edited_at: Date | null;
  platform_state_at: Date | null;
  case_id: string;
  data_key_id: string;
  team_id: string;
  status: string;
  assignee_id: string | null;
}

/** SQL for changes to stored inbound comments; every method runs in the caller's transaction. */
@Injectable()
export class CommentRepository {
  /**
   * Makes sure the comment's own webhook event is never filed from now on: one still waiting is marked
   * done and its sealed payload dropped (waiting for a job that is filing it right now), and when none
   * has arrived yet a payload-less marker takes its key, so a late delivery collapses as a duplicate.
   */
  async closeCommentEvent(m: EntityManager, accountId: string, hash: Buffer): Promise<void> {
    await m.query(
      `INSERT INTO inbound_events (channel_account_id, external_hash, kind, payload_enc, processed_at)
       VALUES ($1, $2, 'comment_change', NULL, now())
       ON CONFLICT (channel_account_id, external_hash)
       DO UPDATE SET processed_at = COALESCE(inbound_events.processed_at, now()), payload_enc = NULL`,
      [accountId, hash],
    );
  }

  /** The stored inbound comment with this platform id, locked, with its case. */
  async lockComment(m: EntityManager, accountId: string, hash: Buffer): Promise<StoredCommentRow | null> {
    const [row]: StoredCommentRow[] = await m.query(
      `SELECT m.id, m.edited_at, m.platform_state_at, m.case_id, c.data_key_id, c.team_id, c.status, c.assignee_id
         FROM messages m JOIN cases c ON c.id = m.case_id
        WHERE m.channel_account_id = $1 AND m.external_hash = $2 AND m.direction = 'in'
        FOR UPDATE OF m`,
      [accountId, hash],
    );
    return row ?? null;
  }

  async setPlatformState(m: EntityManager, id: string, state: 'hidden' | null, at: Date): Promise<void> {
    await m.query(`UPDATE messages SET platform_state = $2, platform_state_at = $3 WHERE id = $1`, [
      id,
      state,
      at,
    ]);
  }

  async replaceText(
    m: EntityManager,
    id: string,
    text: { enc: Buffer; pseudo: string; entities: unknown; special: unknown; withheld: boolean },
    editedAt: Date,
  ): Promise<void> {
    await m.query(
      `UPDATE messages SET text_enc = $2, text_pseudo = $3, entities = $4, special = $5, withheld = $6, edited_at = $7
        WHERE id = $1`,
      [
        id,
        text.enc,
        text.pseudo,
        JSON.stringify(text.entities),
        JSON.stringify(text.special),
        text.withheld,
        editedAt,
      ],
    );
  }

  async deleteMessage(m: EntityManager, id: string): Promise<void> {
    await m.query(`DELETE FROM messages WHERE id = $1`, [id]);
  }
}

import { Injectable } from '@nestjs/common';
import { DetectedEntity } from '@webcare/anonymizer';
import { ReplyVisibility } from '@webcare/domain';
import { EntityManager } from 'typeorm';

export interface InboundTextRow {
  id: string;
  text_enc: Buffer;
  entities: { type: string }[];
}

export interface NewOutboundMessage {
  /** Chosen by the caller: the sealed text is bound to it. */
  id: string;
  caseId: string;
  channelAccountId: string;
  textEnc: Buffer;
  textPseudo: string;
  /** The pseudonymizer's entities (offsets into the stored text). */
  entities: DetectedEntity[];
  authorId: string;
  visibility: ReplyVisibility | null;
  replyToMessageId: string | null;
}

/** The unique index that allows one private reply per comment. */
const PRIVATE_REPLY_INDEX = 'UQ_messages_private_reply';

/** The SQL of outbound messages: the reply written by staff, and what the reply checks read. */
@Injectable()
export class RepliesRepository {
  /** The last inbound messages of the case, newest first. */
  recentInbound(m: EntityManager, caseId: string): Promise<InboundTextRow[]> {
    return m.query(
      `SELECT id, text_enc, entities FROM messages WHERE case_id = $1 AND direction = 'in' ORDER BY sent_at DESC LIMIT 20`,
      [caseId],
    );
  }

  /**
   * Stores a queued reply. Null when a concurrent private reply to the same comment won the race
   * (the unique index refused this one).
   */
  async insertQueued(m: EntityManager, msg: NewOutboundMessage): Promise<boolean> {
    try {
      await m.query(
        `INSERT INTO messages (id, case_id, channel_account_id, direction, message_type, text_enc, text_pseudo, entities, special, delivery_status, author_id, sent_at, visibility, reply_to_message_id)
         VALUES ($1, $2, $3, 'out', 'text', $4, $5, $6, '[]', 'queued', $7, now(), $8, $9)`,
        [
          msg.id,
          msg.caseId,
          msg.channelAccountId,
          msg.textEnc,
          msg.textPseudo,
          JSON.stringify(msg.entities),
          msg.authorId,
          msg.visibility,
          msg.replyToMessageId,
        ],
      );
      return true;
    } catch (err) {
      if ((err as { constraint?: string }).constraint === PRIVATE_REPLY_INDEX) return false;
      throw err;
    }
  }
}

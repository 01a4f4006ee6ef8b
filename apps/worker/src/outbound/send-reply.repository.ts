import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface ReplyToSendRow {
  case_id: string;
  channel_account_id: string;
  text_enc: Buffer;
  delivery_status: string;
  case_key_id: string;
  contact_id: string;
  contact_key_id: string;
  contact_external_enc: Buffer;
  team_id: string;
  visibility: 'public' | 'private' | null;
  reply_to_message_id: string | null;
  /** The answered comment's reply reference (encrypted with the case key); null once it was removed. */
  reply_ref_enc: Buffer | null;
  last_inbound_at: Date | null;
}

/** The outbound reply's SQL; methods taking a manager run in the caller's transaction. */
@Injectable()
export class SendReplyRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The reply with what sending it needs (keys, recipient, the comment answered), locked. */
  async lockReply(m: EntityManager, messageId: string): Promise<ReplyToSendRow | null> {
    const [row]: ReplyToSendRow[] = await m.query(
      `SELECT msg.case_id, msg.channel_account_id, msg.text_enc, msg.delivery_status,
              msg.visibility, msg.reply_to_message_id, target.reply_ref_enc,
              (SELECT max(i.sent_at) FROM messages i WHERE i.case_id = msg.case_id AND i.direction = 'in') AS last_inbound_at,
              c.data_key_id AS case_key_id, c.team_id, ct.id AS contact_id, ct.data_key_id AS contact_key_id,
              ct.external_id_enc AS contact_external_enc
         FROM messages msg JOIN cases c ON c.id = msg.case_id JOIN contacts ct ON ct.id = c.contact_id
         LEFT JOIN messages target ON target.id = msg.reply_to_message_id
        WHERE msg.id = $1 AND msg.direction = 'out' FOR UPDATE OF msg`,
      [messageId],
    );
    return row ?? null;
  }

  async markSending(m: EntityManager, messageId: string): Promise<void> {
    await m.query(
      `UPDATE messages SET delivery_status = 'sending', send_attempts = send_attempts + 1 WHERE id = $1`,
      [messageId],
    );
  }

  async markOutcomeUnknown(m: EntityManager, messageId: string): Promise<void> {
    await m.query(
      `UPDATE messages SET delivery_status = 'unknown', error_code = 'OUTCOME_UNKNOWN' WHERE id = $1`,
      [messageId],
    );
  }

  async requeue(messageId: string, code: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE messages SET delivery_status = 'queued', error_code = $2 WHERE id = $1`,
      [messageId, code],
    );
  }

  async settle(messageId: string, status: 'failed' | 'unknown', code: string): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET delivery_status = $2, error_code = $3 WHERE id = $1`, [
      messageId,
      status,
      code,
    ]);
  }

  /** Sent, unless a platform status already moved it further. */
  async markSent(m: EntityManager, messageId: string, externalHash: Buffer): Promise<void> {
    await m.query(
      `UPDATE messages SET external_hash = $2, error_code = NULL,
              delivery_status = CASE WHEN delivery_status IN ('sending', 'unknown', 'queued') THEN 'sent' ELSE delivery_status END
        WHERE id = $1`,
      [messageId, externalHash],
    );
  }

  /**
   * The case counts as answered and its retention clock starts, using the shorter of the
   * communicated period and the current policy. A question that arrived after this reply was
   * written keeps the case open.
   */
  async markCaseAnswered(m: EntityManager, caseId: string, messageId: string): Promise<void> {
    await m.query(
      `WITH reply AS (SELECT created_at FROM messages WHERE id = $2),
            answered AS (
              SELECT NOT EXISTS (
                SELECT 1 FROM messages i, reply WHERE i.case_id = $1 AND i.direction = 'in' AND i.created_at > reply.created_at
              ) AS ok
            )
       UPDATE cases c SET
          first_response_at = COALESCE(c.first_response_at, now()),
          status = CASE WHEN c.status = 'open' AND answered.ok THEN 'answered' ELSE c.status END,
          answered_at = CASE WHEN c.status = 'open' AND answered.ok THEN now() ELSE c.answered_at END,
          retain_until = CASE WHEN c.status = 'open' AND answered.ok AND c.retention_period IS NOT NULL
            THEN now() + LEAST(c.retention_period::interval, COALESCE(ca.retention_period, rp.period, c.retention_period)::interval)
            ELSE c.retain_until END,
          updated_at = now()
         FROM answered, channel_accounts ca LEFT JOIN retention_policies rp ON rp.channel = ca.channel
        WHERE c.id = $1 AND ca.id = c.channel_account_id`,
      [caseId, messageId],
    );
  }

  async caseState(caseId: string): Promise<{ status: string; assignee_id: string | null } | null> {
    const [row]: { status: string; assignee_id: string | null }[] = await this.dataSource.query(
      `SELECT status, assignee_id FROM cases WHERE id = $1`,
      [caseId],
    );
    return row ?? null;
  }
}

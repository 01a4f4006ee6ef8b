import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ChannelSendError, ReplyRef } from '@webcare/channels';
import {
  CaseFactsRecorder,
  ChannelAccountsService,
  decrypt,
  inboundEventKey,
  JobHandlerRegistry,
  JobName,
  KeyRing,
  RealtimeEmitter,
  teamRoom,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { ChannelSenders } from './channel-senders.service';

interface Claimed {
  case_id: string;
  channel_account_id: string;
  text_enc: Buffer;
  case_key_id: string;
  contact_key_id: string;
  contact_external_enc: Buffer;
  team_id: string;
  visibility: 'public' | 'private' | null;
  reply_to_message_id: string | null;
  /** The answered comment's reply reference (encrypted with the case key); null once it was removed. */
  reply_ref_enc: Buffer | null;
  last_inbound_at: Date | null;
}

/**
 * Sends one queued reply at most once. The row is claimed (`sending`) and committed before the
 * platform call; a job that finds its reply already `sending` knows a crash hid the outcome and
 * marks it `unknown` instead of risking a second message to the person. Explicit platform
 * refusals that are safe to repeat (throttling, 5xx, no connection) go back to `queued` and retry.
 */
@Injectable()
export class SendReplyProcessor implements OnModuleInit {
  private readonly logger = new Logger(SendReplyProcessor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    private readonly accounts: ChannelAccountsService,
    private readonly senders: ChannelSenders,
    private readonly realtime: RealtimeEmitter,
    private readonly facts: CaseFactsRecorder,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.SendReply, ({ messageId }) => this.send(messageId));
  }

  async send(messageId: string): Promise<void> {
    const claimed = await this.claim(messageId);
    if (!claimed) return;
    const account = await this.accounts.byId(claimed.channel_account_id);
    const [caseKey, contactKey] = await Promise.all([
      this.keyRing.loadDataKey(claimed.case_key_id),
      this.keyRing.loadDataKey(claimed.contact_key_id),
    ]);
    if (!account || !caseKey || !contactKey) return this.fail(messageId, claimed, 'CASE_GONE');
    const text = decrypt(caseKey, claimed.text_enc, claimed.case_id);
    const to = decrypt(contactKey, claimed.contact_external_enc);
    const replyRef = claimed.reply_ref_enc
      ? (JSON.parse(decrypt(caseKey, claimed.reply_ref_enc, claimed.case_id)) as ReplyRef)
      : null;
    // A comment reply whose comment was removed meanwhile has nowhere to go.
    if (claimed.reply_to_message_id === null && claimed.visibility !== null) {
      return this.fail(messageId, claimed, 'COMMENT_GONE');
    }
    try {
      const { externalId } = await this.senders.send(account, {
        to,
        text,
        idempotencyKey: messageId,
        visibility: claimed.visibility,
        replyRef,
        lastInboundAt: claimed.last_inbound_at,
      });
      await this.markSent(messageId, claimed, account.channel, externalId);
    } catch (err) {
      if (!(err instanceof ChannelSendError)) throw err;
      if (err.code === 'TIMEOUT') return this.settle(messageId, claimed, 'unknown', err.code);
      if (err.retryable) {
        await this.dataSource.query(
          `UPDATE messages SET delivery_status = 'queued', error_code = $2 WHERE id = $1`,
          [messageId, err.code],
        );
        throw new Error(`Send failed with ${err.code}; will retry`);
      }
      return this.fail(messageId, claimed, err.code);
    }
  }

  private async claim(messageId: string): Promise<Claimed | null> {
    return this.dataSource.transaction(async (m) => {
      const [row]: (Claimed & { delivery_status: string })[] = await m.query(
        `SELECT msg.case_id, msg.channel_account_id, msg.text_enc, msg.delivery_status,
                msg.visibility, msg.reply_to_message_id, target.reply_ref_enc,
                (SELECT max(i.sent_at) FROM messages i WHERE i.case_id = msg.case_id AND i.direction = 'in') AS last_inbound_at,
                c.data_key_id AS case_key_id, c.team_id, ct.data_key_id AS contact_key_id, ct.external_id_enc AS contact_external_enc
           FROM messages msg JOIN cases c ON c.id = msg.case_id JOIN contacts ct ON ct.id = c.contact_id
           LEFT JOIN messages target ON target.id = msg.reply_to_message_id
          WHERE msg.id = $1 AND msg.direction = 'out' FOR UPDATE OF msg`,
        [messageId],
      );
      if (!row) return null;
      if (row.delivery_status === 'sending') {
        await m.query(
          `UPDATE messages SET delivery_status = 'unknown', error_code = 'OUTCOME_UNKNOWN' WHERE id = $1`,
          [messageId],
        );
        this.logger.warn({ messageId }, 'reply outcome unknown after an interrupted send; not resending');
        return null;
      }
      if (row.delivery_status !== 'queued') return null;
      await m.query(
        `UPDATE messages SET delivery_status = 'sending', send_attempts = send_attempts + 1 WHERE id = $1`,
        [messageId],
      );
      return row;
    });
  }

  /**
   * Sent: the case counts as answered and its retention clock starts, using the shorter of the
   * communicated period and the current policy. A question that arrived after this reply was
   * written keeps the case open. An answered case's report fact is written or refreshed.
   */
  private async markSent(
    messageId: string,
    claimed: Claimed,
    channel: string,
    externalId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await m.query(
        `UPDATE messages SET external_hash = $2, error_code = NULL,
                delivery_status = CASE WHEN delivery_status IN ('sending', 'unknown', 'queued') THEN 'sent' ELSE delivery_status END
          WHERE id = $1`,
        [messageId, this.keyRing.lookupHash(inboundEventKey({ kind: 'message', channel, externalId }))],
      );
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
        [claimed.case_id, messageId],
      );
      await this.facts.record(m, claimed.case_id);
    });
    await this.notify(claimed);
  }

  private async fail(messageId: string, claimed: Claimed, code: string): Promise<void> {
    await this.settle(messageId, claimed, 'failed', code);
  }

  private async settle(
    messageId: string,
    claimed: Claimed,
    status: 'failed' | 'unknown',
    code: string,
  ): Promise<void> {
    await this.dataSource.query(`UPDATE messages SET delivery_status = $2, error_code = $3 WHERE id = $1`, [
      messageId,
      status,
      code,
    ]);
    this.logger.warn({ messageId, code }, `reply ${status}`);
    await this.notify(claimed);
  }

  private async notify(claimed: Claimed): Promise<void> {
    const [kase]: { status: string; assignee_id: string | null }[] = await this.dataSource.query(
      `SELECT status, assignee_id FROM cases WHERE id = $1`,
      [claimed.case_id],
    );
    if (!kase) return;
    this.realtime.emit([teamRoom(claimed.team_id)], 'case.updated', {
      caseId: claimed.case_id,
      status: kase.status,
      assigneeId: kase.assignee_id,
    });
  }
}

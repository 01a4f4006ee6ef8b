import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ChannelSendError, ReplyRef } from '@webcare/channels';
import {
  aad,
  decrypt,
  JobHandlerRegistry,
  JobName,
  KeyRing,
  RealtimeEmitter,
  teamRoom,
} from '@webcare/platform';
import { CaseFactsRecorder, ChannelAccountsService, inboundEventKey } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { ChannelSenders } from './channel-senders.service';
import { ReplyToSendRow, SendReplyRepository } from './send-reply.repository';

type Claimed = Omit<ReplyToSendRow, 'delivery_status'>;

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
    private readonly repository: SendReplyRepository,
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
    const text = decrypt(caseKey, claimed.text_enc, aad.message(messageId));
    const to = decrypt(
      contactKey,
      claimed.contact_external_enc,
      aad.contactField(claimed.contact_id, 'external_id'),
    );
    const replyRef =
      claimed.reply_ref_enc && claimed.reply_to_message_id
        ? (JSON.parse(
            decrypt(caseKey, claimed.reply_ref_enc, aad.replyRef(claimed.reply_to_message_id)),
          ) as ReplyRef)
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
        await this.repository.requeue(messageId, err.code);
        throw new Error(`Send failed with ${err.code}; will retry`);
      }
      return this.fail(messageId, claimed, err.code);
    }
  }

  private async claim(messageId: string): Promise<Claimed | null> {
    return this.dataSource.transaction(async (m) => {
      const row = await this.repository.lockReply(m, messageId);
      if (!row) return null;
      if (row.delivery_status === 'sending') {
        await this.repository.markOutcomeUnknown(m, messageId);
        this.logger.warn({ messageId }, 'reply outcome unknown after an interrupted send; not resending');
        return null;
      }
      if (row.delivery_status !== 'queued') return null;
      await this.repository.markSending(m, messageId);
      return row;
    });
  }

  /**
   * Sent: the case counts as answered (SendReplyRepository.markCaseAnswered) and its report fact is
   * written or refreshed.
   */
  private async markSent(
    messageId: string,
    claimed: Claimed,
    channel: string,
    externalId: string,
  ): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      await this.repository.markSent(
        m,
        messageId,
        this.keyRing.lookupHash(inboundEventKey({ kind: 'message', channel, externalId })),
      );
      await this.repository.markCaseAnswered(m, claimed.case_id, messageId);
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
    await this.repository.settle(messageId, status, code);
    this.logger.warn({ messageId, code }, `reply ${status}`);
    await this.notify(claimed);
  }

  private async notify(claimed: Claimed): Promise<void> {
    const kase = await this.repository.caseState(claimed.case_id);
    if (!kase) return;
    this.realtime.emit([teamRoom(claimed.team_id)], 'case.updated', {
      caseId: claimed.case_id,
      status: kase.status,
      assigneeId: kase.assignee_id,
    });
  }
}

import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  aad,
  ReplyRuleError,
  AppConfig,
  APP_CONFIG,
  appendNotice,
  AuditAction,
  AuditService,
  CaseEntity,
  checkReplyDraft,
  decrypt,
  DomainError,
  encrypt,
  enqueueInTransaction,
  detectReplyLanguage,
  InboundMessageFacts,
  JobName,
  KeyRing,
  NOTICE_VERSION,
  OutboxRelay,
  PseudonymVaultStore,
  RealtimeEmitter,
  renderPrivacyNotice,
  ReplyDraftCheck,
  RetentionPolicyService,
  teamRoom,
  userRoom,
} from '@webcare/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { ReplyDto } from './dto/reply.dto';
import { ReplyForm, ReplyFormService } from './reply-form.service';
import { windowClosedAt } from './whatsapp-window';

export interface QueuedReply {
  id: string;
  status: 'queued';
  warnings: { code: string; message: string }[];
}

@Injectable()
export class RepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly policies: RetentionPolicyService,
    private readonly audit: AuditService,
    private readonly relay: OutboxRelay,
    private readonly realtime: RealtimeEmitter,
    private readonly forms: ReplyFormService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Dry run for the compose box: what would be sent, with warnings or the refusal. */
  async check(user: AuthUser, caseId: string, dto: ReplyDto): Promise<ReplyDraftCheck> {
    return this.dataSource.transaction(async (m) => {
      const kase = await this.access.loadForAction(user, caseId, m);
      const key = await this.caseKey(m, kase);
      const check = checkReplyDraft({
        draft: dto.text,
        inbound: await this.inbound(m, kase, key),
        channel: kase.channel,
      });
      if (check.refusal) return check;
      return { ...check, refusal: await this.forms.refusal(m, kase, check.text, dto.visibility) };
    });
  }

  /** Checks the agent's draft (minimization guard, 24-hour window), then stores and queues it. */
  async queue(user: AuthUser, caseId: string, dto: ReplyDto): Promise<QueuedReply> {
    const result = await this.dataSource.transaction(async (m) => {
      const kase = await this.access.loadForAction(user, caseId, m);
      const key = await this.caseKey(m, kase);
      const draft = dto.text.trim();
      if (!draft) throw new DomainError('EMPTY_REPLY', 'Write a reply before sending', 400);
      const check = checkReplyDraft({
        draft,
        inbound: await this.inbound(m, kase, key),
        channel: kase.channel,
      });
      if (check.refusal) throw new DomainError(check.refusal.code, check.refusal.message, 422);
      await this.assertWindowOpen(m, kase);
      const form = await this.forms.decide(m, kase, check.text, dto.visibility);
      const stored = await this.store(m, kase, key, check.text, user.id, { assign: true, ...form });
      return { ...stored, warnings: check.warnings };
    });
    this.announce(result, user.id);
    return { id: result.messageId, status: 'queued', warnings: result.warnings };
  }

  /**
   * A message the system words itself (the consent question), queued in the caller's
   * transaction on behalf of someone who may only see the pseudonymized case.
   */
  async queueSystemMessage(
    m: EntityManager,
    kase: CaseEntity,
    text: string,
    actorId: string,
  ): Promise<string> {
    const key = await this.caseKey(m, kase);
    await this.assertWindowOpen(m, kase);
    const form = await this.forms.decide(m, kase, text, undefined);
    const stored = await this.store(m, kase, key, text, actorId, { assign: false, ...form });
    return stored.messageId;
  }

  /** After the commit of a queued message: wake the relay, tell the team. */
  announce(result: { kase: CaseEntity; messageId: string; assigned: boolean }, actorId: string): void {
    this.relay.kick();
    const rooms = [teamRoom(result.kase.teamId), userRoom(actorId)];
    this.realtime.emit(rooms, 'message.created', {
      caseId: result.kase.id,
      messageId: result.messageId,
      direction: 'out',
    });
    if (result.assigned) {
      this.realtime.emit(rooms, 'case.updated', {
        caseId: result.kase.id,
        status: result.kase.status,
        assigneeId: actorId,
      });
    }
  }

  /**
   * Stores an outbound message and its send job. The first message of a conversation carries the
   * privacy notice; its version and the communicated retention period are recorded on the case.
   */
  private async store(
    m: EntityManager,
    kase: CaseEntity,
    key: Buffer,
    body: string,
    actorId: string,
    opts: { assign: boolean } & ReplyForm,
  ): Promise<{ kase: CaseEntity; messageId: string; assigned: boolean }> {
    let text = body;
    if (!kase.noticeVersion) {
      const period = await this.policies.periodFor(m, kase.channelAccountId);
      const notice = renderPrivacyNotice({
        lang: detectReplyLanguage(text),
        period,
        privacyUrl: this.config.privacyStatementUrl,
      });
      text = appendNotice(text, notice);
      await m.query(`UPDATE cases SET notice_version = $2, retention_period = $3 WHERE id = $1`, [
        kase.id,
        NOTICE_VERSION,
        period,
      ]);
    }
    const pseudo = await this.vaults.pseudonymize(m, kase.id, key, text);
    // The id is chosen here: the sealed text is bound to it.
    const message = { id: randomUUID() };
    await m
      .query(
        `INSERT INTO messages (id, case_id, channel_account_id, direction, message_type, text_enc, text_pseudo, entities, special, delivery_status, author_id, sent_at, visibility, reply_to_message_id)
         VALUES ($1, $2, $3, 'out', 'text', $4, $5, $6, '[]', 'queued', $7, now(), $8, $9)`,
        [
          message.id,
          kase.id,
          kase.channelAccountId,
          encrypt(key, text, aad.message(message.id)),
          pseudo.text,
          JSON.stringify(pseudo.entities),
          actorId,
          opts.visibility,
          opts.replyToMessageId,
        ],
      )
      .catch((err: unknown) => {
        // A concurrent private reply to the same comment won the race (unique index).
        if ((err as { constraint?: string }).constraint === 'UQ_messages_private_reply') {
          throw new DomainError(
            ReplyRuleError.PrivateReplyUsed,
            'This comment already has its private reply',
            409,
          );
        }
        throw err;
      });
    const assigned = opts.assign && !kase.assigneeId;
    await m.query(
      `UPDATE cases SET assignee_id = CASE WHEN $3 THEN COALESCE(assignee_id, $2) ELSE assignee_id END,
              last_message_at = now(), updated_at = now() WHERE id = $1`,
      [kase.id, actorId, opts.assign],
    );
    await enqueueInTransaction(m, [{ name: JobName.SendReply, payload: { messageId: message.id } }]);
    await this.audit.record(m, {
      actorId,
      action: AuditAction.ReplyQueued,
      objectType: 'message',
      objectId: message.id,
    });
    return { kase, messageId: message.id, assigned };
  }

  private async caseKey(m: EntityManager, kase: CaseEntity): Promise<Buffer> {
    const key = await this.keyRing.loadDataKey(kase.dataKeyId);
    if (!key) throw new DomainError('CASE_DELETED', 'This conversation has been deleted', 410);
    return key;
  }

  /** The last inbound messages with the entity types stored at intake (no detection runs here). */
  private async inbound(m: EntityManager, kase: CaseEntity, key: Buffer): Promise<InboundMessageFacts[]> {
    const rows: { id: string; text_enc: Buffer; entities: { type: string }[] }[] = await m.query(
      `SELECT id, text_enc, entities FROM messages WHERE case_id = $1 AND direction = 'in' ORDER BY sent_at DESC LIMIT 20`,
      [kase.id],
    );
    return rows.map((r) => ({
      text: decrypt(key, r.text_enc, aad.message(r.id)),
      entityTypes: r.entities.map((e) => e.type),
    }));
  }

  private async assertWindowOpen(m: EntityManager, kase: CaseEntity): Promise<void> {
    const [row]: { last: Date | null }[] = await m.query(
      `SELECT max(sent_at) AS last FROM messages WHERE case_id = $1 AND direction = 'in'`,
      [kase.id],
    );
    const closedAt = windowClosedAt(kase.channel, row?.last ?? null, new Date());
    if (closedAt) {
      throw new DomainError(
        'WINDOW_CLOSED',
        `WhatsApp's 24-hour reply window closed at ${closedAt.toISOString()}. Free-form replies are no longer allowed: send an approved template message, or wait until the person writes again.`,
        422,
      );
    }
  }
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  aad,
  AppConfig,
  CaseEntity,
  decrypt,
  encrypt,
  enqueueInTransaction,
  JobName,
  KeyRing,
  OutboxRelay,
  RealtimeEmitter,
  teamRoom,
  userRoom,
} from '@webcare/platform';
import {
  ReplyRuleError,
  appendNotice,
  AuditAction,
  auditEntry,
  AuditService,
  checkReplyDraft,
  detectReplyLanguage,
  InboundMessageFacts,
  NOTICE_VERSION,
  PseudonymVaultStore,
  renderPrivacyNotice,
  ReplyDraftCheck,
  RetentionPolicyService,
} from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { CasesRepository } from '../cases/cases.repository';
import { ReplyDto } from './dto/reply.dto';
import { draftRefused, ReplyErrorCode, replyError, replyRuleError } from './replies.errors';
import { RepliesRepository } from './replies.repository';
import { ReplyForm, ReplyFormService } from './reply-form.service';
import { ReplyTargetRepository } from './reply-target.repository';
import { windowClosedAt } from './whatsapp-window';
import { QueuedReply } from './dto/reply.response.dto';

@Injectable()
export class RepliesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly replies: RepliesRepository,
    private readonly targets: ReplyTargetRepository,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly policies: RetentionPolicyService,
    private readonly audit: AuditService,
    private readonly relay: OutboxRelay,
    private readonly realtime: RealtimeEmitter,
    private readonly forms: ReplyFormService,
    private readonly config: AppConfig,
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
      if (!draft) throw replyError(ReplyErrorCode.EmptyReply, 'Write a reply before sending');
      const check = checkReplyDraft({
        draft,
        inbound: await this.inbound(m, kase, key),
        channel: kase.channel,
      });
      if (check.refusal) throw draftRefused(check.refusal);
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
      await this.cases.recordNotice(m, kase.id, NOTICE_VERSION, period);
    }
    const pseudo = await this.vaults.pseudonymize(m, kase.id, key, text);
    // The id is chosen here: the sealed text is bound to it.
    const messageId = randomUUID();
    const stored = await this.replies.insertQueued(m, {
      id: messageId,
      caseId: kase.id,
      channelAccountId: kase.channelAccountId,
      textEnc: encrypt(key, text, aad.message(messageId)),
      textPseudo: pseudo.text,
      entities: pseudo.entities,
      authorId: actorId,
      visibility: opts.visibility,
      replyToMessageId: opts.replyToMessageId,
    });
    // A concurrent private reply to the same comment won the race (unique index).
    if (!stored)
      throw replyRuleError(ReplyRuleError.PrivateReplyUsed, 'This comment already has its private reply');
    const assigned = opts.assign && !kase.assigneeId;
    await this.cases.touchAfterReply(m, kase.id, actorId, opts.assign);
    await enqueueInTransaction(m, [{ name: JobName.SendReply, payload: { messageId } }]);
    await this.audit.record(m, auditEntry(actorId, AuditAction.ReplyQueued, 'message', messageId));
    return { kase, messageId, assigned };
  }

  private async caseKey(m: EntityManager, kase: CaseEntity): Promise<Buffer> {
    const key = await this.keyRing.loadDataKey(kase.dataKeyId);
    if (!key) throw replyError(ReplyErrorCode.CaseDeleted, 'This conversation has been deleted');
    return key;
  }

  /** The last inbound messages with the entity types stored at intake (no detection runs here). */
  private async inbound(m: EntityManager, kase: CaseEntity, key: Buffer): Promise<InboundMessageFacts[]> {
    const rows = await this.replies.recentInbound(m, kase.id);
    return rows.map((r) => ({
      text: decrypt(key, r.text_enc, aad.message(r.id)),
      entityTypes: r.entities.map((e) => e.type),
    }));
  }

  private async assertWindowOpen(m: EntityManager, kase: CaseEntity): Promise<void> {
    const closedAt = windowClosedAt(kase.channel, await this.targets.lastInboundAt(m, kase.id), new Date());
    if (closedAt) {
      throw replyRuleError(
        ReplyRuleError.WindowClosed,
        `WhatsApp's 24-hour reply window closed at ${closedAt.toISOString()}. Free-form replies are no longer allowed: send an approved template message, or wait until the person writes again.`,
      );
    }
  }
}

import { Injectable } from '@nestjs/common';
import { detect } from '@webcare/anonymizer';
import { CaseEntity, DomainError } from '@webcare/platform';
import { ChannelAccountsService, decideReply, GuardFinding, ReplyVisibility } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { replyRuleError } from './replies.errors';
import { ReplyTargetRepository } from './reply-target.repository';

/** How a reply goes out: as a comment reply (public or private, answering which comment) or directly. */
export interface ReplyForm {
  visibility: ReplyVisibility | null;
  replyToMessageId: string | null;
}

/** Applies the platforms' reply rules (reply-rules.ts) to a case, with the facts they need from the database. */
@Injectable()
export class ReplyFormService {
  constructor(
    private readonly accounts: ChannelAccountsService,
    private readonly targets: ReplyTargetRepository,
  ) {}

  /**
   * Messenger's window, and for comment conversations the comment answered and how (public or private),
   * under the platform's rules; refused up front with what to do instead.
   */
  async decide(
    m: EntityManager,
    kase: CaseEntity,
    text: string,
    visibility: ReplyVisibility | undefined,
  ): Promise<ReplyForm> {
    const isComment = kase.threadHash !== null;
    const lastInboundAt = await this.targets.lastInboundAt(m, kase.id);
    const target = isComment ? await this.targets.latestComment(m, kase.id) : null;
    const account = await this.accounts.byId(kase.channelAccountId);
    const decision = decideReply({
      channel: kase.channel,
      isComment,
      visibility,
      lastInboundAt,
      target: target ? { sentAt: target.sent_at, privatelyAnswered: target.answered } : null,
      humanAgentTag: account?.settings.humanAgentTag === true,
      // Only a public reply is checked: that is where an identifier must not go.
      draftHasIdentifier:
        isComment &&
        visibility !== 'private' &&
        detect(text, { allow: account?.allowlist }).entities.length > 0,
      now: new Date(),
    });
    if (!decision.ok) throw replyRuleError(decision.error, decision.message);
    return { visibility: decision.visibility, replyToMessageId: decision.answersComment ? target!.id : null };
  }

  /** The same decision for the compose box's dry run: the refusal, or null when the reply may go. */
  async refusal(
    m: EntityManager,
    kase: CaseEntity,
    text: string,
    visibility: ReplyVisibility | undefined,
  ): Promise<GuardFinding | null> {
    try {
      await this.decide(m, kase, text, visibility);
      return null;
    } catch (err) {
      if (err instanceof DomainError) return { code: err.code, message: err.message };
      throw err;
    }
  }
}

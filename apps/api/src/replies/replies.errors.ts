import { DomainError } from '@webcare/platform';
import { GuardFinding, REPLY_RULE_STATUS, ReplyRuleError } from '@webcare/domain';

/**
 * The codes replies return besides the platforms' reply rules (ReplyRuleError, whose statuses are
 * REPLY_RULE_STATUS) and the minimization guard's refusals (DRAFT_REFUSED_STATUS).
 */
export enum ReplyErrorCode {
  EmptyReply = 'EMPTY_REPLY',
  CaseDeleted = 'CASE_DELETED',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<ReplyErrorCode, number> = {
  [ReplyErrorCode.EmptyReply]: 400,
  [ReplyErrorCode.CaseDeleted]: 410,
};

/** A draft the minimization guard refuses (asking for a BSN over a social channel …). */
export const DRAFT_REFUSED_STATUS = 422;

export function replyError(code: ReplyErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

export function replyRuleError(code: ReplyRuleError, message: string): DomainError {
  return new DomainError(code, message, REPLY_RULE_STATUS[code]);
}

export function draftRefused(refusal: GuardFinding): DomainError {
  return new DomainError(refusal.code, refusal.message, DRAFT_REFUSED_STATUS);
}

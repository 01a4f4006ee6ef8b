import { DomainError } from '@webcare/platform';

export enum HandoverErrorCode {
  SameTeam = 'HANDOVER_SAME_TEAM',
  UnknownTeam = 'HANDOVER_UNKNOWN_TEAM',
  NotOwningTeam = 'HANDOVER_NOT_OWNING_TEAM',
  CaseDeleted = 'CASE_DELETED',
  MessageNotFound = 'REDACTION_MESSAGE_NOT_FOUND',
  SpanInvalid = 'REDACTION_SPAN_INVALID',
  LimitReached = 'REDACTION_LIMIT_REACHED',
  RedactionNotFound = 'REDACTION_NOT_FOUND',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<HandoverErrorCode, number> = {
  [HandoverErrorCode.SameTeam]: 400,
  [HandoverErrorCode.UnknownTeam]: 400,
  [HandoverErrorCode.NotOwningTeam]: 403,
  [HandoverErrorCode.CaseDeleted]: 410,
  [HandoverErrorCode.MessageNotFound]: 404,
  [HandoverErrorCode.SpanInvalid]: 400,
  [HandoverErrorCode.LimitReached]: 409,
  [HandoverErrorCode.RedactionNotFound]: 404,
};

export function handoverError(code: HandoverErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

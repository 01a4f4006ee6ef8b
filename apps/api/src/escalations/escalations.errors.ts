import { DomainError } from '@webcare/platform';

/** Every code the escalation endpoints return themselves (loading the case adds CaseErrorCode's). */
export enum EscalationErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Invalid = 'VALIDATION_FAILED',
  Conflict = 'CONFLICT',
  CaseDeleted = 'CASE_DELETED',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<EscalationErrorCode, number> = {
  [EscalationErrorCode.NotFound]: 404,
  [EscalationErrorCode.Forbidden]: 403,
  [EscalationErrorCode.Invalid]: 400,
  [EscalationErrorCode.Conflict]: 409,
  [EscalationErrorCode.CaseDeleted]: 410,
};

export function escalationError(code: EscalationErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

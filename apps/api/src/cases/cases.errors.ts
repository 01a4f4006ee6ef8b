import { DomainError } from '@webcare/platform';

/** Every code the case queue, a case and its owning team's actions return. */
export enum CaseErrorCode {
  NotFound = 'NOT_FOUND',
  Forbidden = 'FORBIDDEN',
  Invalid = 'VALIDATION_FAILED',
  CaseDeleted = 'CASE_DELETED',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<CaseErrorCode, number> = {
  [CaseErrorCode.NotFound]: 404,
  [CaseErrorCode.Forbidden]: 403,
  [CaseErrorCode.Invalid]: 400,
  [CaseErrorCode.CaseDeleted]: 410,
};

export function caseError(code: CaseErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

/** A case the user may not see does not exist for them: the same answer as a missing one. */
export function caseNotFound(): DomainError {
  return caseError(CaseErrorCode.NotFound, 'Case was not found');
}

export function caseDeleted(): DomainError {
  return caseError(CaseErrorCode.CaseDeleted, 'This conversation has been deleted');
}

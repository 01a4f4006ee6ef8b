import { DomainError } from '@webcare/platform';

export enum TeamErrorCode {
  Invalid = 'VALIDATION_FAILED',
  Conflict = 'CONFLICT',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<TeamErrorCode, number> = {
  [TeamErrorCode.Invalid]: 400,
  [TeamErrorCode.Conflict]: 409,
};

export function teamError(code: TeamErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

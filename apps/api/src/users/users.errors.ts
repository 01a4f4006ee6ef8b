import { DomainError } from '@webcare/platform';

export enum UserErrorCode {
  NotFound = 'NOT_FOUND',
  Invalid = 'VALIDATION_FAILED',
  Conflict = 'CONFLICT',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<UserErrorCode, number> = {
  [UserErrorCode.NotFound]: 404,
  [UserErrorCode.Invalid]: 400,
  [UserErrorCode.Conflict]: 409,
};

export function userError(code: UserErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

import { DomainError } from '@webcare/platform';

export enum AuthErrorCode {
  Unauthorized = 'UNAUTHORIZED',
  InvalidCredentials = 'INVALID_CREDENTIALS',
  TooManyAttempts = 'TOO_MANY_ATTEMPTS',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<AuthErrorCode, number> = {
  [AuthErrorCode.Unauthorized]: 401,
  [AuthErrorCode.InvalidCredentials]: 401,
  [AuthErrorCode.TooManyAttempts]: 429,
};

export function authError(code: AuthErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

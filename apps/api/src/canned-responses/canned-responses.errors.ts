import { DomainError } from '@webcare/platform';

export enum CannedResponseErrorCode {
  Forbidden = 'FORBIDDEN',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<CannedResponseErrorCode, number> = {
  [CannedResponseErrorCode.Forbidden]: 403,
};

export function cannedResponseError(code: CannedResponseErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

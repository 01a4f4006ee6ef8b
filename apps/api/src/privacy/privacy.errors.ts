import { DomainError } from '@webcare/platform';
import { AuthUser } from '../auth/auth.types';

export enum PrivacyErrorCode {
  NotFound = 'NOT_FOUND',
  Invalid = 'VALIDATION_FAILED',
  Forbidden = 'FORBIDDEN',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<PrivacyErrorCode, number> = {
  [PrivacyErrorCode.NotFound]: 404,
  [PrivacyErrorCode.Invalid]: 400,
  [PrivacyErrorCode.Forbidden]: 403,
};

export function privacyError(code: PrivacyErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

/** `what` names the kind of thing only ("Case", "Legal hold"), never the id that was asked for. */
export function privacyNotFound(what: string): DomainError {
  return privacyError(PrivacyErrorCode.NotFound, `${what} was not found`);
}

/** The privacy officer's tools are theirs alone (the route guard says so too). */
export function privacyOfficerOnly(actor: AuthUser): void {
  if (actor.role !== 'privacy_officer')
    throw privacyError(PrivacyErrorCode.Forbidden, 'Your role may not do this');
}

import { DomainError } from '@webcare/platform';

export enum AuditErrorCode {
  CheckpointInvalid = 'CHECKPOINT_INVALID',
}

/** Every code has a status; a new code without one does not compile. */
const STATUS: Record<AuditErrorCode, number> = {
  [AuditErrorCode.CheckpointInvalid]: 400,
};

export function auditError(code: AuditErrorCode, message: string): DomainError {
  return new DomainError(code, message, STATUS[code]);
}

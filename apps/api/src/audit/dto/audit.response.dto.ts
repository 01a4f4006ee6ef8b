import { AuditCheckpoint, AuditEventView, CheckpointVerifyResult, VerifyResult } from '@webcare/domain';

/** The audit trail's views (libs/domain), as classes for the OpenAPI document. */
export class AuditEvent extends AuditEventView {}

export class AuditPage {
  items: AuditEvent[];
  nextCursor: string | null;
}

export class AuditVerify implements VerifyResult {
  valid: boolean;
  events: number;
  /** Id of the first event whose hash does not follow from its predecessor. */
  brokenAt?: string;
}

export class CheckpointVerify implements Omit<CheckpointVerifyResult, 'brokenAt'> {
  valid: boolean;
  events: number;
  /** Whether the chain, at the checkpoint's count, still ends on the checkpoint's head. */
  checkpoint: 'matches' | 'mismatch';
}

export class SignedCheckpoint implements AuditCheckpoint {
  events: number;
  head: string;
  at: string;
  signature: string;
}

import { Injectable } from '@nestjs/common';
import {
  AuditCheckpoint,
  AuditEventView,
  AuditService,
  CheckpointVerifyResult,
  VerifyResult,
} from '@webcare/domain';
import { CheckpointDto } from './checkpoint.dto';
import { ListAuditQuery } from './list-audit.query';
import { auditError, AuditErrorCode } from './audit.errors';

@Injectable()
export class AuditQueryService {
  constructor(private readonly audit: AuditService) {}

  list(query: ListAuditQuery): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    return this.audit.list(query.limit ?? 100, query.cursor);
  }

  async verify(): Promise<VerifyResult> {
    const { valid, events } = await this.audit.verify();
    return { valid, events };
  }

  checkpoint(): Promise<AuditCheckpoint> {
    return this.audit.checkpoint();
  }

  /** A checkpoint kept outside the system: the chain must still pass through its head at its count. */
  async verifyAgainst(dto: CheckpointDto): Promise<Omit<CheckpointVerifyResult, 'brokenAt'>> {
    if (!this.audit.checkpointSignatureValid(dto)) {
      throw auditError(
        AuditErrorCode.CheckpointInvalid,
        'The checkpoint signature does not match: it was altered, or issued by another installation',
      );
    }
    const { valid, events, checkpoint } = await this.audit.verifyAgainst(dto);
    return { valid, events, checkpoint };
  }
}

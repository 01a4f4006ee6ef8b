import { Injectable } from '@nestjs/common';
import { AuditEventView, AuditService, VerifyResult } from '@webcare/core';
import { ListAuditQuery } from './list-audit.query';

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
}

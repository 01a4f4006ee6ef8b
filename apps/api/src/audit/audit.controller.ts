import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditEventView, VerifyResult } from '@webcare/core';
import { Roles } from '../auth/auth.decorators';
import { Expensive } from '../rate-limit/rate-limit';
import { AuditQueryService } from './audit-query.service';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Roles('privacy_officer')
  @Get()
  list(@Query() query: ListAuditQuery): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    return this.audit.list(query);
  }

  @Roles('privacy_officer')
  @Expensive()
  @Get('verify')
  verify(): Promise<VerifyResult> {
    return this.audit.verify();
  }
}

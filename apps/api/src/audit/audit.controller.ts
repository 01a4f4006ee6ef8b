import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditCheckpoint, AuditEventView, CheckpointVerifyResult, VerifyResult } from '@webcare/domain';
import { Roles } from '../auth/auth.decorators';
import { Expensive } from '../rate-limit/rate-limit';
import { AuditQueryService } from './audit-query.service';
import { CheckpointDto } from './checkpoint.dto';
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

  @Roles('privacy_officer')
  @Expensive()
  @Post('verify')
  @HttpCode(200)
  verifyAgainst(@Body() dto: CheckpointDto): Promise<Omit<CheckpointVerifyResult, 'brokenAt'>> {
    return this.audit.verifyAgainst(dto);
  }

  @Roles('privacy_officer')
  @Get('checkpoint')
  checkpoint(): Promise<AuditCheckpoint> {
    return this.audit.checkpoint();
  }
}

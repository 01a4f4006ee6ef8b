import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/auth.decorators';
import { Expensive } from '../rate-limit/rate-limit';
import { AuditQueryService } from './audit-query.service';
import { CheckpointDto } from './checkpoint.dto';
import { AuditPage, AuditVerify, CheckpointVerify, SignedCheckpoint } from './dto/audit.response.dto';
import { ListAuditQuery } from './list-audit.query';

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api/audit')
export class AuditController {
  constructor(private readonly audit: AuditQueryService) {}

  @Roles('privacy_officer')
  @Get()
  @ApiOkResponse({ type: AuditPage })
  list(@Query() query: ListAuditQuery): Promise<AuditPage> {
    return this.audit.list(query);
  }

  @Roles('privacy_officer')
  @Expensive()
  @Get('verify')
  @ApiOkResponse({ type: AuditVerify })
  verify(): Promise<AuditVerify> {
    return this.audit.verify();
  }

  @Roles('privacy_officer')
  @Expensive()
  @Post('verify')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckpointVerify })
  verifyAgainst(@Body() dto: CheckpointDto): Promise<CheckpointVerify> {
    return this.audit.verifyAgainst(dto);
  }

  @Roles('privacy_officer')
  @Get('checkpoint')
  @ApiOkResponse({ type: SignedCheckpoint })
  checkpoint(): Promise<SignedCheckpoint> {
    return this.audit.checkpoint();
  }
}

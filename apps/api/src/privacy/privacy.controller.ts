import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { Expensive } from '../rate-limit/rate-limit';
import { DeletionsService } from './deletions.service';
import { DeletionList, SweepResult } from './dto/deletion.response.dto';
import {
  AccountRetentionDto,
  ListDeletionsQuery,
  ListLegalHoldsQuery,
  PlaceLegalHoldDto,
  SubjectDto,
  UpdateRetentionPolicyDto,
} from './dto/privacy.dto';
import { LegalHoldList, LegalHoldView } from './dto/legal-hold.response.dto';
import { LegalHoldsService } from './legal-holds.service';
import {
  AccountRetentionView,
  RetentionPolicies,
  RetentionPolicyView,
} from './dto/retention-policy.response.dto';
import { SubjectErasure, SubjectExport } from './dto/subject.response.dto';
import { RetentionPoliciesService } from './retention-policies.service';
import { SubjectErasureService } from './subject-erasure.service';
import { SubjectsService } from './subjects.service';

/** The privacy officer's tools: retention policies, sweeps, receipts, legal holds, subject requests. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('api')
export class PrivacyController {
  constructor(
    private readonly policies: RetentionPoliciesService,
    private readonly deletions: DeletionsService,
    private readonly holds: LegalHoldsService,
    private readonly subjects: SubjectsService,
    private readonly erasure: SubjectErasureService,
  ) {}

  @Roles('privacy_officer')
  @Get('retention-policies')
  @ApiOkResponse({ type: RetentionPolicies })
  listPolicies(@CurrentUser() user: AuthUser): Promise<RetentionPolicies> {
    return this.policies.list(user);
  }

  @Roles('privacy_officer')
  @Put('retention-policies/:channel')
  @ApiOkResponse({ type: RetentionPolicyView })
  updatePolicy(
    @CurrentUser() user: AuthUser,
    @Param('channel') channel: string,
    @Body() dto: UpdateRetentionPolicyDto,
  ): Promise<RetentionPolicyView> {
    return this.policies.update(user, channel, dto);
  }

  @Roles('privacy_officer')
  @Put('channel-accounts/:id/retention')
  @ApiOkResponse({ type: AccountRetentionView })
  setAccountRetention(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AccountRetentionDto,
  ): Promise<AccountRetentionView> {
    return this.policies.setAccountOverride(user, id, dto.period);
  }

  @Roles('privacy_officer')
  @Expensive()
  @Post('retention/sweep')
  @HttpCode(200)
  @ApiOkResponse({ type: SweepResult })
  sweep(@CurrentUser() user: AuthUser): Promise<SweepResult> {
    return this.deletions.sweepNow(user);
  }

  @Roles('privacy_officer')
  @Get('deletions')
  @ApiOkResponse({ type: DeletionList })
  listDeletions(@CurrentUser() user: AuthUser, @Query() query: ListDeletionsQuery): Promise<DeletionList> {
    return this.deletions.list(user, query);
  }

  @Roles('privacy_officer')
  @Get('legal-holds')
  @ApiOkResponse({ type: LegalHoldList })
  listHolds(@CurrentUser() user: AuthUser, @Query() query: ListLegalHoldsQuery): Promise<LegalHoldList> {
    return this.holds.list(user, query.status);
  }

  @Roles('privacy_officer')
  @Post('cases/:id/legal-holds')
  @ApiCreatedResponse({ type: LegalHoldView })
  placeHold(
    @CurrentUser() user: AuthUser,
    @Param('id') caseId: string,
    @Body() dto: PlaceLegalHoldDto,
  ): Promise<LegalHoldView> {
    return this.holds.place(user, caseId, dto);
  }

  @Roles('privacy_officer')
  @Delete('legal-holds/:id')
  @ApiOkResponse({ type: LegalHoldView })
  releaseHold(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<LegalHoldView> {
    return this.holds.release(user, id);
  }

  @Roles('privacy_officer')
  @Expensive()
  @Post('subjects/export')
  @HttpCode(200)
  @ApiOkResponse({ type: SubjectExport })
  exportSubject(@CurrentUser() user: AuthUser, @Body() dto: SubjectDto): Promise<SubjectExport> {
    return this.subjects.export(user, dto.channel, dto.externalId);
  }

  @Roles('privacy_officer')
  @Expensive()
  @Post('subjects/erase')
  @HttpCode(200)
  @ApiOkResponse({ type: SubjectErasure })
  eraseSubject(@CurrentUser() user: AuthUser, @Body() dto: SubjectDto): Promise<SubjectErasure> {
    return this.erasure.erase(user, dto.channel, dto.externalId);
  }
}

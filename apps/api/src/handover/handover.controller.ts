import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CreateRedactionDto } from './dto/create-redaction.dto';
import { HandoverPreviewQuery } from './dto/handover-preview.query';
import { HandoverPreview, RedactionMarked } from './dto/handover-preview.response.dto';
import { HandoverPreviewService } from './handover-preview.service';
import { RedactionsService } from './redactions.service';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class HandoverController {
  constructor(
    private readonly previews: HandoverPreviewService,
    private readonly redactions: RedactionsService,
  ) {}

  @Roles('agent')
  @Get(':id/handover-preview')
  @ApiOkResponse({ type: HandoverPreview })
  preview(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() query: HandoverPreviewQuery,
  ): Promise<HandoverPreview> {
    return this.previews.preview(user, id, query);
  }

  @Roles('agent')
  @Post(':id/redactions')
  @ApiCreatedResponse({ type: RedactionMarked })
  mark(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: CreateRedactionDto,
  ): Promise<RedactionMarked> {
    return this.redactions.add(user, id, dto);
  }

  @Roles('agent')
  @Delete(':id/redactions/:redactionId')
  @HttpCode(204)
  unmark(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('redactionId') redactionId: string,
  ): Promise<void> {
    return this.redactions.remove(user, id, redactionId);
  }
}

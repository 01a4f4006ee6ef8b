import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CaseActionsService } from './case-actions.service';
import { CaseDetail, CaseListItem, CasesService } from './cases.service';
import { AssignDto } from './dto/assign.dto';
import { ListCasesQuery } from './dto/list-cases.query';
import { NoteDto } from './dto/note.dto';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(
    private readonly cases: CasesService,
    private readonly actions: CaseActionsService,
  ) {}

  @Roles('agent', 'team_lead')
  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query() query: ListCasesQuery,
  ): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
    return this.cases.list(user, query);
  }

  @Roles('agent', 'team_lead')
  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDetail> {
    return this.cases.get(user, id);
  }

  @Roles('agent', 'team_lead')
  @Post(':id/assign')
  @HttpCode(200)
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AssignDto,
  ): Promise<{ id: string; assigneeId: string }> {
    return this.actions.assign(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Post(':id/close')
  @HttpCode(200)
  close(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<{ id: string; status: 'closed' }> {
    return this.actions.close(user, id);
  }

  @Roles('agent')
  @Post(':id/notes')
  addNote(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: NoteDto,
  ): Promise<{ id: string }> {
    return this.actions.addNote(user, id, dto);
  }
}

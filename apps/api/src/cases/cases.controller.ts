import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CaseActionsService } from './case-actions.service';
import { CasesService } from './cases.service';
import { Created } from '../http/dto/created.response.dto';
import { AssignDto } from './dto/assign.dto';
import { CaseAssigned, CaseClosed, CaseDetail, CaseList } from './dto/case.response.dto';
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
  @ApiOkResponse({ type: CaseList })
  list(@CurrentUser() user: AuthUser, @Query() query: ListCasesQuery): Promise<CaseList> {
    return this.cases.list(user, query);
  }

  @Roles('agent', 'team_lead')
  @Get(':id')
  @ApiOkResponse({ type: CaseDetail })
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseDetail> {
    return this.cases.get(user, id);
  }

  @Roles('agent', 'team_lead')
  @Post(':id/assign')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseAssigned })
  assign(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AssignDto,
  ): Promise<CaseAssigned> {
    return this.actions.assign(user, id, dto);
  }

  @Roles('agent', 'team_lead')
  @Post(':id/close')
  @HttpCode(200)
  @ApiOkResponse({ type: CaseClosed })
  close(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<CaseClosed> {
    return this.actions.close(user, id);
  }

  @Roles('agent')
  @Post(':id/notes')
  @ApiCreatedResponse({ type: Created })
  addNote(@CurrentUser() user: AuthUser, @Param('id') id: string, @Body() dto: NoteDto): Promise<Created> {
    return this.actions.addNote(user, id, dto);
  }
}

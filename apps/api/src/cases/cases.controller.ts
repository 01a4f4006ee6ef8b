import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CaseDetail, CaseListItem, CasesService } from './cases.service';
import { ListCasesQuery } from './dto/list-cases.query';

@ApiTags('cases')
@ApiBearerAuth()
@Controller('api/cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

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
}

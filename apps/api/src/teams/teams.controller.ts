import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamList, TeamView } from './dto/team.response.dto';
import { TeamsService } from './teams.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Roles('admin', 'agent', 'team_lead', 'manager', 'privacy_officer')
  @Get()
  @ApiOkResponse({ type: TeamList })
  list(@CurrentUser() actor: AuthUser): Promise<TeamList> {
    return this.teams.list(actor);
  }

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: TeamView })
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(actor, dto);
  }
}

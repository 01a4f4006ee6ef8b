import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import { AuthUser } from '../auth/auth.types';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamsService, TeamView } from './teams.service';

@ApiTags('admin')
@ApiBearerAuth()
@Controller('api/teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Roles('admin', 'agent', 'team_lead', 'manager', 'privacy_officer')
  @Get()
  list(@CurrentUser() actor: AuthUser): Promise<{ items: TeamView[] }> {
    return this.teams.list(actor);
  }

  @Roles('admin')
  @Post()
  create(@CurrentUser() actor: AuthUser, @Body() dto: CreateTeamDto): Promise<TeamView> {
    return this.teams.create(actor, dto);
  }
}

import { Injectable } from '@nestjs/common';
import { AuditAction, auditEntry, AuditService } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CreateTeamDto } from './dto/create-team.dto';
import { TeamErrorCode, teamError } from './teams.errors';
import { TeamsRepository } from './teams.repository';
import { TeamView } from './dto/team.response.dto';

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly teams: TeamsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: AuthUser): Promise<{ items: TeamView[] }> {
    return { items: await this.teams.list() };
  }

  async create(actor: AuthUser, dto: CreateTeamDto): Promise<TeamView> {
    const name = dto.name.trim();
    if (!name) throw teamError(TeamErrorCode.Invalid, 'name is required');
    return this.dataSource.transaction(async (m) => {
      const team = await this.teams.insertIfNew(m, name);
      if (!team) throw teamError(TeamErrorCode.Conflict, 'A team with this name already exists');
      await this.audit.record(m, auditEntry(actor.id, AuditAction.TeamCreated, 'team', team.id));
      return team;
    });
  }
}

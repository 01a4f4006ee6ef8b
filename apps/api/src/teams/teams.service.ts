import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, ConflictError, TeamEntity, ValidationError } from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CreateTeamDto } from './dto/create-team.dto';

export interface TeamView {
  id: string;
  name: string;
}

@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: AuthUser): Promise<{ items: TeamView[] }> {
    const teams = await this.dataSource.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
    return { items: teams.map((t) => ({ id: t.id, name: t.name })) };
  }

  async create(actor: AuthUser, dto: CreateTeamDto): Promise<TeamView> {
    const name = dto.name.trim();
    if (!name) throw new ValidationError('name is required');
    return this.dataSource.transaction(async (m) => {
      const rows: TeamView[] = await m.query(
        `INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id, name`,
        [name],
      );
      if (!rows.length) throw new ConflictError('A team with this name already exists');
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.TeamCreated,
        objectType: 'team',
        objectId: rows[0].id,
      });
      return rows[0];
    });
  }
}

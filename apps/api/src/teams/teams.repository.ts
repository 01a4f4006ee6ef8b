import { Injectable } from '@nestjs/common';
import { TeamEntity } from '@webcare/platform';
import { DataSource, EntityManager } from 'typeorm';

export interface TeamRow {
  id: string;
  name: string;
}

/** The SQL of teams. */
@Injectable()
export class TeamsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list(): Promise<TeamRow[]> {
    const teams = await this.dataSource.getRepository(TeamEntity).find({ order: { name: 'ASC' } });
    return teams.map((t) => ({ id: t.id, name: t.name }));
  }

  /** Null when a team with this name exists already. */
  async insertIfNew(m: EntityManager, name: string): Promise<TeamRow | null> {
    const rows: TeamRow[] = await m.query(
      `INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING RETURNING id, name`,
      [name],
    );
    return rows[0] ?? null;
  }
}

import { Injectable } from '@nestjs/common';
import { CannedResponseEntity } from '@webcare/platform';
import { DataSource } from 'typeorm';

export interface CannedResponseRow {
  id: string;
  title: string;
  body: string;
  language: string | null;
}

export interface NewCannedResponse {
  teamId: string;
  title: string;
  body: string;
  language: string | null;
}

/** The SQL of canned responses; every statement is scoped to one team. */
@Injectable()
export class CannedResponsesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async listForTeam(teamId: string): Promise<CannedResponseRow[]> {
    const rows = await this.dataSource
      .getRepository(CannedResponseEntity)
      .find({ where: { teamId }, order: { title: 'ASC' } });
    return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, language: r.language }));
  }

  async insert(r: NewCannedResponse): Promise<CannedResponseRow> {
    const [row]: CannedResponseRow[] = await this.dataSource.query(
      `INSERT INTO canned_responses (team_id, title, body, language) VALUES ($1, $2, $3, $4) RETURNING id, title, body, language`,
      [r.teamId, r.title, r.body, r.language],
    );
    return row;
  }
}

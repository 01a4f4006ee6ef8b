import { Injectable } from '@nestjs/common';
import { CannedResponseEntity, ForbiddenError } from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CreateCannedResponseDto } from './dto/create-canned-response.dto';

export interface CannedResponseView {
  id: string;
  title: string;
  body: string;
  language: string | null;
}

/** Standard answers per team (open days, deadlines, fees), written by the team lead. */
@Injectable()
export class CannedResponsesService {
  constructor(private readonly dataSource: DataSource) {}

  async list(user: AuthUser): Promise<{ items: CannedResponseView[] }> {
    if (!user.teamId) return { items: [] };
    const rows = await this.dataSource
      .getRepository(CannedResponseEntity)
      .find({ where: { teamId: user.teamId }, order: { title: 'ASC' } });
    return { items: rows.map((r) => ({ id: r.id, title: r.title, body: r.body, language: r.language })) };
  }

  async create(user: AuthUser, dto: CreateCannedResponseDto): Promise<CannedResponseView> {
    if (!user.teamId) throw new ForbiddenError('Only members of a team can add its canned responses');
    const [row]: CannedResponseView[] = await this.dataSource.query(
      `INSERT INTO canned_responses (team_id, title, body, language) VALUES ($1, $2, $3, $4) RETURNING id, title, body, language`,
      [user.teamId, dto.title.trim(), dto.body, dto.language ?? null],
    );
    return row;
  }
}

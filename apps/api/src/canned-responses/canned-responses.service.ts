import { Injectable } from '@nestjs/common';
import { AuthUser } from '../auth/auth.types';
import { CannedResponseErrorCode, cannedResponseError } from './canned-responses.errors';
import { CannedResponsesRepository } from './canned-responses.repository';
import { CreateCannedResponseDto } from './dto/create-canned-response.dto';
import { CannedResponseView } from './dto/canned-response.response.dto';

/** Standard answers per team (open days, deadlines, fees), written by the team lead. */
@Injectable()
export class CannedResponsesService {
  constructor(private readonly canned: CannedResponsesRepository) {}

  async list(user: AuthUser): Promise<{ items: CannedResponseView[] }> {
    if (!user.teamId) return { items: [] };
    return { items: await this.canned.listForTeam(user.teamId) };
  }

  async create(user: AuthUser, dto: CreateCannedResponseDto): Promise<CannedResponseView> {
    if (!user.teamId)
      throw cannedResponseError(
        CannedResponseErrorCode.Forbidden,
        'Only members of a team can add its canned responses',
      );
    return this.canned.insert({
      teamId: user.teamId,
      title: dto.title.trim(),
      body: dto.body,
      language: dto.language ?? null,
    });
  }
}

import { Injectable } from '@nestjs/common';
import { ChannelAccountEntity, ChannelAccountsService, TeamEntity, ValidationError } from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CreateChannelAccountDto } from './dto/create-channel-account.dto';

/** Secrets go in, never come out: responses show which account, not how to sign as it. */
export interface ChannelAccountView {
  id: string;
  channel: string;
  externalId: string;
  name: string;
  teamId: string;
  retentionPeriod: string | null;
  allowlist: ChannelAccountEntity['allowlist'];
}

@Injectable()
export class ChannelAccountsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async list(_actor: AuthUser): Promise<{ items: ChannelAccountView[] }> {
    const rows = await this.dataSource
      .getRepository(ChannelAccountEntity)
      .find({ order: { createdAt: 'ASC' } });
    return { items: rows.map(view) };
  }

  async create(_actor: AuthUser, dto: CreateChannelAccountDto): Promise<ChannelAccountView> {
    if (!(await this.dataSource.getRepository(TeamEntity).existsBy({ id: dto.teamId }))) {
      throw new ValidationError('teamId does not name an existing team');
    }
    if (dto.channel !== 'linkedin' && !dto.verifyToken) {
      throw new ValidationError(
        'verifyToken is required for WhatsApp and Facebook (Meta checks it when subscribing)',
      );
    }
    const id = await this.accounts.upsert({
      channel: dto.channel,
      externalId: dto.externalId.trim(),
      name: dto.name.trim(),
      teamId: dto.teamId,
      appSecret: dto.appSecret,
      verifyToken: dto.verifyToken ?? null,
      accessToken: dto.accessToken,
      allowlist: dto.allowlist,
    });
    return view(await this.dataSource.getRepository(ChannelAccountEntity).findOneByOrFail({ id }));
  }
}

function view(a: ChannelAccountEntity): ChannelAccountView {
  return {
    id: a.id,
    channel: a.channel,
    externalId: a.externalId,
    name: a.name,
    teamId: a.teamId,
    retentionPeriod: a.retentionPeriod,
    allowlist: a.allowlist,
  };
}

import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditService,
  ChannelAccountEntity,
  ChannelAccountSettings,
  ChannelAccountsService,
  DomainError,
  queryReturning,
  TeamEntity,
  ValidationError,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { ChannelAccountSettingsDto } from './dto/channel-account-settings.dto';
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
  settings: ChannelAccountSettings;
}

@Injectable()
export class ChannelAccountsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: ChannelAccountsService,
    private readonly audit: AuditService,
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

  /** Per-account switches (Messenger's human agent tag); only the given keys change. */
  async updateSettings(
    actor: AuthUser,
    id: string,
    dto: ChannelAccountSettingsDto,
  ): Promise<ChannelAccountView> {
    const changes: ChannelAccountSettings = {};
    if (dto.humanAgentTag !== undefined) changes.humanAgentTag = dto.humanAgentTag;
    const updated = await this.dataSource.transaction(async (m) => {
      const rows = await queryReturning<{ id: string }>(
        m,
        `UPDATE channel_accounts SET settings = settings || $2::jsonb WHERE id = $1 RETURNING id`,
        [id, JSON.stringify(changes)],
      );
      if (!rows.length) return false;
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.ChannelAccountSettingsChanged,
        objectType: 'channel_account',
        objectId: id,
      });
      return true;
    });
    if (!updated) throw new DomainError('CHANNEL_ACCOUNT_NOT_FOUND', 'No such channel account', 404);
    this.accounts.invalidate();
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
    settings: a.settings ?? {},
  };
}

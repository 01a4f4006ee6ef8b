import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  aad,
  AuditAction,
  AuditService,
  ChannelAccountEntity,
  ChannelAccountSettings,
  ChannelAccountsService,
  ChannelSecretField,
  ConflictError,
  DomainError,
  KeyRing,
  NotFoundError,
  queryReturning,
  TeamEntity,
  ValidationError,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { ChannelAccountSettingsDto } from './dto/channel-account-settings.dto';
import { CreateChannelAccountDto } from './dto/create-channel-account.dto';
import { RotateSecretsDto } from './dto/rotate-secrets.dto';

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
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: AuthUser): Promise<{ items: ChannelAccountView[] }> {
    const rows = await this.dataSource
      .getRepository(ChannelAccountEntity)
      .find({ order: { createdAt: 'ASC' } });
    return { items: rows.map(view) };
  }

  /** Creates a new account; an existing one keeps its secrets (rotating them is its own, audited action). */
  async create(actor: AuthUser, dto: CreateChannelAccountDto): Promise<ChannelAccountView> {
    if (!(await this.dataSource.getRepository(TeamEntity).existsBy({ id: dto.teamId }))) {
      throw new ValidationError('teamId does not name an existing team');
    }
    if (dto.channel !== 'linkedin' && !dto.verifyToken) {
      throw new ValidationError(
        'verifyToken is required for WhatsApp and Facebook (Meta checks it when subscribing)',
      );
    }
    // The id is chosen here: the sealed secrets are bound to it.
    const newId = randomUUID();
    const seal = (v: string, field: ChannelSecretField) =>
      this.keyRing.sealSecret(v, aad.channelSecret(newId, field));
    const id = await this.dataSource.transaction(async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO channel_accounts (id, channel, external_id, name, team_id, app_secret_enc, verify_token_enc, access_token_enc, allowlist)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (channel, external_id) DO NOTHING RETURNING id`,
        [
          newId,
          dto.channel,
          dto.externalId.trim(),
          dto.name.trim(),
          dto.teamId,
          seal(dto.appSecret, 'app_secret'),
          dto.verifyToken ? seal(dto.verifyToken, 'verify_token') : null,
          seal(dto.accessToken, 'access_token'),
          JSON.stringify(dto.allowlist ?? {}),
        ],
      );
      if (!rows.length) {
        throw new ConflictError('This account is already connected; rotate its secrets with PUT …/secrets');
      }
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.ChannelAccountCreated,
        objectType: 'channel_account',
        objectId: rows[0].id,
      });
      return rows[0].id;
    });
    this.accounts.invalidate();
    return view(await this.dataSource.getRepository(ChannelAccountEntity).findOneByOrFail({ id }));
  }

  /** Replaces the named secrets; the audit trail says which ones, never their values. */
  async rotateSecrets(actor: AuthUser, id: string, dto: RotateSecretsDto): Promise<ChannelAccountView> {
    const fields = (['appSecret', 'verifyToken', 'accessToken'] as const).filter((f) => dto[f] !== undefined);
    if (!fields.length) throw new ValidationError('Name at least one of appSecret, verifyToken, accessToken');
    const seal = (v: string | undefined, field: ChannelSecretField) =>
      v === undefined ? null : this.keyRing.sealSecret(v, aad.channelSecret(id, field));
    await this.dataSource.transaction(async (m) => {
      const rows = await queryReturning<{ id: string }>(
        m,
        `UPDATE channel_accounts SET app_secret_enc = COALESCE($2, app_secret_enc),
                verify_token_enc = COALESCE($3, verify_token_enc), access_token_enc = COALESCE($4, access_token_enc)
          WHERE id = $1 RETURNING id`,
        [
          id,
          seal(dto.appSecret, 'app_secret'),
          seal(dto.verifyToken, 'verify_token'),
          seal(dto.accessToken, 'access_token'),
        ],
      );
      if (!rows.length) throw new NotFoundError('The channel account');
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.ChannelAccountSecretsRotated,
        objectType: 'channel_account',
        objectId: id,
        detail: fields.join(','),
      });
    });
    this.accounts.invalidate();
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

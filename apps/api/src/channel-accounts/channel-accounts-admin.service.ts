import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  aad,
  ChannelAccountSettings,
  ChannelSecretField,
  KeyRing,
} from '@webcare/platform';
import {
  AuditAction,
  auditEntry,
  AuditService,
  ChannelAccountsRepository,
  ChannelAccountsService,
} from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { channelAccountErrors } from './channel-accounts.errors';
import { ChannelAccountSettingsDto } from './dto/channel-account-settings.dto';
import { CreateChannelAccountDto } from './dto/create-channel-account.dto';
import { RotateSecretsDto } from './dto/rotate-secrets.dto';
import { ChannelAccountView } from './dto/channel-account.response.dto';

const SECRETS = ['appSecret', 'verifyToken', 'accessToken'] as const;

/** The secrets a rotation names, in a fixed order: what the audit trail records instead of values. */
export function secretsNamed(dto: RotateSecretsDto): (typeof SECRETS)[number][] {
  return SECRETS.filter((f) => dto[f] !== undefined);
}

@Injectable()
export class ChannelAccountsAdminService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ChannelAccountsRepository,
    private readonly accounts: ChannelAccountsService,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
  ) {}

  async list(_actor: AuthUser): Promise<{ items: ChannelAccountView[] }> {
    return { items: await this.repository.listed() };
  }

  /** Creates a new account; an existing one keeps its secrets (rotating them is its own, audited action). */
  async create(actor: AuthUser, dto: CreateChannelAccountDto): Promise<ChannelAccountView> {
    if (!(await this.repository.teamExists(dto.teamId))) throw channelAccountErrors.unknownTeam();
    if (dto.channel !== 'linkedin' && !dto.verifyToken) throw channelAccountErrors.verifyTokenRequired();
    // The id is chosen here: the sealed secrets are bound to it.
    const newId = randomUUID();
    const seal = (v: string, field: ChannelSecretField) =>
      this.keyRing.sealSecret(v, aad.channelSecret(newId, field));
    const id = await this.dataSource.transaction(async (m) => {
      const id = await this.repository.insertNew(m, {
        id: newId,
        channel: dto.channel,
        externalId: dto.externalId.trim(),
        name: dto.name.trim(),
        teamId: dto.teamId,
        appSecretEnc: seal(dto.appSecret, 'app_secret'),
        verifyTokenEnc: dto.verifyToken ? seal(dto.verifyToken, 'verify_token') : null,
        accessTokenEnc: seal(dto.accessToken, 'access_token'),
        allowlist: dto.allowlist ?? {},
      });
      if (!id) throw channelAccountErrors.alreadyConnected();
      await this.audit.record(
        m,
        auditEntry(actor.id, AuditAction.ChannelAccountCreated, 'channel_account', id),
      );
      return id;
    });
    this.accounts.invalidate();
    return this.current(id);
  }

  /** Replaces the named secrets; the audit trail says which ones, never their values. */
  async rotateSecrets(actor: AuthUser, id: string, dto: RotateSecretsDto): Promise<ChannelAccountView> {
    const fields = secretsNamed(dto);
    if (!fields.length) throw channelAccountErrors.noSecretNamed();
    const seal = (v: string | undefined, field: ChannelSecretField) =>
      v === undefined ? null : this.keyRing.sealSecret(v, aad.channelSecret(id, field));
    await this.dataSource.transaction(async (m) => {
      const replaced = await this.repository.replaceSecrets(m, id, {
        appSecretEnc: seal(dto.appSecret, 'app_secret'),
        verifyTokenEnc: seal(dto.verifyToken, 'verify_token'),
        accessTokenEnc: seal(dto.accessToken, 'access_token'),
      });
      if (!replaced) throw channelAccountErrors.notFound();
      await this.audit.record(
        m,
        auditEntry(
          actor.id,
          AuditAction.ChannelAccountSecretsRotated,
          'channel_account',
          id,
          fields.join(','),
        ),
      );
    });
    this.accounts.invalidate();
    return this.current(id);
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
      if (!(await this.repository.mergeSettings(m, id, changes))) return false;
      await this.audit.record(
        m,
        auditEntry(actor.id, AuditAction.ChannelAccountSettingsChanged, 'channel_account', id),
      );
      return true;
    });
    if (!updated) throw channelAccountErrors.unknownAccount();
    this.accounts.invalidate();
    return this.current(id);
  }

  private async current(id: string): Promise<ChannelAccountView> {
    const account = await this.repository.listedOne(id);
    if (!account) throw channelAccountErrors.unknownAccount();
    return account;
  }
}

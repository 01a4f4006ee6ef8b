import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  Channel,
  ChannelAccountEntity,
  ChannelAccountSettings,
  queryReturning,
  TeamEntity,
} from '@webcare/platform';

/** An account as stored: its secrets sealed by the caller, never in clear. */
export interface SealedChannelAccount {
  /** Chosen by the caller: the sealed secrets are bound to it. */
  id: string;
  channel: Channel;
  externalId: string;
  name: string;
  teamId: string;
  appSecretEnc: Buffer;
  verifyTokenEnc: Buffer | null;
  accessTokenEnc: Buffer;
  allowlist: ChannelAccountEntity['allowlist'];
}

/** An account as the admin api answers it, selected under its field names: no secrets. */
export type ChannelAccountRow = Omit<
  ChannelAccountEntity,
  'appSecretEnc' | 'verifyTokenEnc' | 'accessTokenEnc' | 'createdAt'
>;

const LISTED = `SELECT id, channel, external_id AS "externalId", name, team_id AS "teamId",
                       retention_period AS "retentionPeriod", allowlist, COALESCE(settings, '{}') AS settings
                  FROM channel_accounts`;

/** Sealed replacements; null keeps the stored secret. */
export interface SealedSecrets {
  appSecretEnc: Buffer | null;
  verifyTokenEnc: Buffer | null;
  accessTokenEnc: Buffer | null;
}

const INSERT = `INSERT INTO channel_accounts (id, channel, external_id, name, team_id, app_secret_enc, verify_token_enc, access_token_enc, allowlist)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

function insertParams(a: SealedChannelAccount): unknown[] {
  return [
    a.id,
    a.channel,
    a.externalId,
    a.name,
    a.teamId,
    a.appSecretEnc,
    a.verifyTokenEnc,
    a.accessTokenEnc,
    JSON.stringify(a.allowlist),
  ];
}

/** Channel accounts and their sealed secrets. */
@Injectable()
export class ChannelAccountsRepository {
  constructor(private readonly dataSource: DataSource) {}

  all(): Promise<ChannelAccountEntity[]> {
    return this.dataSource.getRepository(ChannelAccountEntity).find({ order: { createdAt: 'ASC' } });
  }

  listed(): Promise<ChannelAccountRow[]> {
    return this.dataSource.query(`${LISTED} ORDER BY created_at`);
  }

  async listedOne(id: string): Promise<ChannelAccountRow | null> {
    const [row]: ChannelAccountRow[] = await this.dataSource.query(`${LISTED} WHERE id = $1`, [id]);
    return row ?? null;
  }

  teamExists(teamId: string): Promise<boolean> {
    return this.dataSource.getRepository(TeamEntity).existsBy({ id: teamId });
  }

  /** The team of that name, created if missing. */
  async ensureTeam(name: string): Promise<string> {
    await this.dataSource.query(`INSERT INTO teams (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [name]);
    const team = await this.dataSource.getRepository(TeamEntity).findOneByOrFail({ name });
    return team.id;
  }

  /** A new account only: null when the channel already has one with that external id. */
  async insertNew(m: EntityManager, a: SealedChannelAccount): Promise<string | null> {
    const rows: { id: string }[] = await m.query(
      `${INSERT} ON CONFLICT (channel, external_id) DO NOTHING RETURNING id`,
      insertParams(a),
    );
    return rows[0]?.id ?? null;
  }

  /** The id of the channel's account with that external id, if there is one. */
  async idOf(channel: Channel, externalId: string): Promise<string | null> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM channel_accounts WHERE channel = $1 AND external_id = $2`,
      [channel, externalId],
    );
    return row?.id ?? null;
  }

  /**
   * Configuration-owned accounts: created, or their secrets replaced by the configured ones. The
   * update applies only to the row the secrets were sealed for (`a.id`): false when another row
   * with that external id won a race, and the caller seals again for it.
   */
  async upsert(a: SealedChannelAccount): Promise<boolean> {
    const rows: { id: string }[] = await this.dataSource.query(
      `${INSERT}
       ON CONFLICT (channel, external_id) DO UPDATE SET
         app_secret_enc = EXCLUDED.app_secret_enc,
         verify_token_enc = EXCLUDED.verify_token_enc,
         access_token_enc = EXCLUDED.access_token_enc
       WHERE channel_accounts.id = EXCLUDED.id
       RETURNING id`,
      insertParams(a),
    );
    return rows.length > 0;
  }

  /** Replaces the given secrets; false when there is no such account. */
  async replaceSecrets(m: EntityManager, id: string, s: SealedSecrets): Promise<boolean> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `UPDATE channel_accounts SET app_secret_enc = COALESCE($2, app_secret_enc),
              verify_token_enc = COALESCE($3, verify_token_enc), access_token_enc = COALESCE($4, access_token_enc)
        WHERE id = $1 RETURNING id`,
      [id, s.appSecretEnc, s.verifyTokenEnc, s.accessTokenEnc],
    );
    return rows.length > 0;
  }

  /** Merges the given keys into the settings; false when there is no such account. */
  async mergeSettings(m: EntityManager, id: string, changes: ChannelAccountSettings): Promise<boolean> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `UPDATE channel_accounts SET settings = settings || $2::jsonb WHERE id = $1 RETURNING id`,
      [id, JSON.stringify(changes)],
    );
    return rows.length > 0;
  }
}

import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditService,
  Channel,
  CHANNELS,
  ChannelAccountsService,
  NotFoundError,
  queryReturning,
  ValidationError,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';

export interface RetentionPolicyView {
  channel: Channel;
  period: string;
  maxUnansweredAge: string;
  updatedAt: string;
}

export interface AccountRetentionView {
  id: string;
  channel: Channel;
  name: string;
  retentionPeriod: string | null;
}

@Injectable()
export class RetentionPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async list(): Promise<{ items: RetentionPolicyView[]; accounts: AccountRetentionView[] }> {
    const items: (Omit<RetentionPolicyView, 'updatedAt'> & { updatedAt: Date })[] =
      await this.dataSource.query(
        `SELECT channel, period, max_unanswered_age AS "maxUnansweredAge", updated_at AS "updatedAt"
         FROM retention_policies ORDER BY channel`,
      );
    const accounts: AccountRetentionView[] = await this.dataSource.query(
      `SELECT id, channel, name, retention_period AS "retentionPeriod" FROM channel_accounts ORDER BY channel, name`,
    );
    return { items: items.map((i) => ({ ...i, updatedAt: i.updatedAt.toISOString() })), accounts };
  }

  async update(
    actor: AuthUser,
    channel: string,
    dto: { period: string; maxUnansweredAge?: string },
  ): Promise<RetentionPolicyView> {
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw new ValidationError(`channel must be one of ${CHANNELS.join(', ')}`);
    }
    return this.dataSource.transaction(async (m) => {
      const [row] = await queryReturning<Omit<RetentionPolicyView, 'updatedAt'> & { updatedAt: Date }>(
        m,
        `INSERT INTO retention_policies (channel, period, max_unanswered_age, updated_by, updated_at)
         VALUES ($1, $2, COALESCE($3, 'P90D'), $4, now())
         ON CONFLICT (channel) DO UPDATE SET
           period = EXCLUDED.period,
           max_unanswered_age = COALESCE($3, retention_policies.max_unanswered_age),
           updated_by = EXCLUDED.updated_by,
           updated_at = now()
         RETURNING channel, period, max_unanswered_age AS "maxUnansweredAge", updated_at AS "updatedAt"`,
        [channel, dto.period, dto.maxUnansweredAge ?? null, actor.id],
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.RetentionPolicyChanged,
        objectType: 'retention_policy',
        objectId: channel,
      });
      return { ...row, updatedAt: row.updatedAt.toISOString() };
    });
  }

  async setAccountOverride(
    actor: AuthUser,
    accountId: string,
    period: string | null,
  ): Promise<AccountRetentionView> {
    if (!isUUID(accountId)) throw new NotFoundError('Channel account');
    const view = await this.dataSource.transaction(async (m) => {
      const [row] = await queryReturning<AccountRetentionView>(
        m,
        `UPDATE channel_accounts SET retention_period = $2 WHERE id = $1
         RETURNING id, channel, name, retention_period AS "retentionPeriod"`,
        [accountId, period],
      );
      if (!row) throw new NotFoundError('Channel account');
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.RetentionPolicyChanged,
        objectType: 'channel_account',
        objectId: accountId,
      });
      return row;
    });
    this.accounts.invalidate();
    return view;
  }
}

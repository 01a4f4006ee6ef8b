import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { Channel, CHANNELS } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService, ChannelAccountsService } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { PrivacyErrorCode, privacyError, privacyNotFound, privacyOfficerOnly } from './privacy.errors';
import { AccountRetentionRow, PolicyRow, RetentionPoliciesRepository } from './retention-policies.repository';
import { AccountRetentionView, RetentionPolicyView } from './dto/retention-policy.response.dto';

const policyView = (r: PolicyRow): RetentionPolicyView => ({
  channel: r.channel,
  period: r.period,
  maxUnansweredAge: r.max_unanswered_age,
  updatedAt: r.updated_at.toISOString(),
});

const accountView = (r: AccountRetentionRow): AccountRetentionView => ({
  id: r.id,
  channel: r.channel,
  name: r.name,
  retentionPeriod: r.retention_period,
});

@Injectable()
export class RetentionPoliciesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policies: RetentionPoliciesRepository,
    private readonly audit: AuditService,
    private readonly accounts: ChannelAccountsService,
  ) {}

  async list(actor: AuthUser): Promise<{ items: RetentionPolicyView[]; accounts: AccountRetentionView[] }> {
    privacyOfficerOnly(actor);
    const m = this.dataSource.manager;
    const items = await this.policies.policies(m);
    const accounts = await this.policies.accounts(m);
    return { items: items.map(policyView), accounts: accounts.map(accountView) };
  }

  async update(
    actor: AuthUser,
    channel: string,
    dto: { period: string; maxUnansweredAge?: string },
  ): Promise<RetentionPolicyView> {
    privacyOfficerOnly(actor);
    if (!(CHANNELS as readonly string[]).includes(channel)) {
      throw privacyError(PrivacyErrorCode.Invalid, `channel must be one of ${CHANNELS.join(', ')}`);
    }
    return this.dataSource.transaction(async (m) => {
      const row = await this.policies.upsert(m, {
        channel: channel as Channel,
        period: dto.period,
        maxUnansweredAge: dto.maxUnansweredAge ?? null,
        updatedBy: actor.id,
      });
      await this.audit.record(
        m,
        auditEntry(actor.id, AuditAction.RetentionPolicyChanged, 'retention_policy', channel),
      );
      return policyView(row);
    });
  }

  async setAccountOverride(
    actor: AuthUser,
    accountId: string,
    period: string | null,
  ): Promise<AccountRetentionView> {
    privacyOfficerOnly(actor);
    if (!isUUID(accountId)) throw privacyNotFound('Channel account');
    const view = await this.dataSource.transaction(async (m) => {
      const row = await this.policies.setAccountPeriod(m, accountId, period);
      if (!row) throw privacyNotFound('Channel account');
      await this.audit.record(
        m,
        auditEntry(actor.id, AuditAction.RetentionPolicyChanged, 'channel_account', accountId),
      );
      return accountView(row);
    });
    this.accounts.invalidate();
    return view;
  }
}

import { Injectable } from '@nestjs/common';
import { Channel, queryReturning } from '@webcare/platform';
import { EntityManager } from 'typeorm';

export interface PolicyRow {
  channel: Channel;
  period: string;
  max_unanswered_age: string;
  updated_at: Date;
}

export interface AccountRetentionRow {
  id: string;
  channel: Channel;
  name: string;
  retention_period: string | null;
}

const POLICY_COLUMNS = `channel, period, max_unanswered_age, updated_at`;

/** Each channel's retention defaults and the channel accounts' own periods. */
@Injectable()
export class RetentionPoliciesRepository {
  async policies(m: EntityManager): Promise<PolicyRow[]> {
    return m.query(`SELECT ${POLICY_COLUMNS} FROM retention_policies ORDER BY channel`);
  }

  async accounts(m: EntityManager): Promise<AccountRetentionRow[]> {
    return m.query(`SELECT id, channel, name, retention_period FROM channel_accounts ORDER BY channel, name`);
  }

  /** A channel's policy, created on first use; an omitted maximum age keeps the current one. */
  async upsert(
    m: EntityManager,
    p: { channel: Channel; period: string; maxUnansweredAge: string | null; updatedBy: string },
  ): Promise<PolicyRow> {
    const [row] = await queryReturning<PolicyRow>(
      m,
      `INSERT INTO retention_policies (channel, period, max_unanswered_age, updated_by, updated_at)
       VALUES ($1, $2, COALESCE($3, 'P90D'), $4, now())
       ON CONFLICT (channel) DO UPDATE SET
         period = EXCLUDED.period,
         max_unanswered_age = COALESCE($3, retention_policies.max_unanswered_age),
         updated_by = EXCLUDED.updated_by,
         updated_at = now()
       RETURNING ${POLICY_COLUMNS}`,
      [p.channel, p.period, p.maxUnansweredAge, p.updatedBy],
    );
    return row;
  }

  async setAccountPeriod(
    m: EntityManager,
    accountId: string,
    period: string | null,
  ): Promise<AccountRetentionRow | undefined> {
    const [row] = await queryReturning<AccountRetentionRow>(
      m,
      `UPDATE channel_accounts SET retention_period = $2 WHERE id = $1
       RETURNING id, channel, name, retention_period`,
      [accountId, period],
    );
    return row;
  }
}

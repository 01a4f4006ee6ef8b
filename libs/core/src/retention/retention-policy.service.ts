import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '../errors/domain-error';
import { effectivePeriod } from './retention-policy';

/** Reads the retention period that applies to a channel account right now. */
@Injectable()
export class RetentionPolicyService {
  /**
   * The account's override, else its channel's default. Call it in the transaction that sends
   * the privacy notice and store the answer on the case (`cases.retention_period`).
   */
  async periodFor(manager: EntityManager, channelAccountId: string): Promise<string> {
    const [row]: { channel_default: string; account_override: string | null }[] = await manager.query(
      `SELECT p.period AS channel_default, a.retention_period AS account_override
         FROM channel_accounts a JOIN retention_policies p ON p.channel = a.channel
        WHERE a.id = $1`,
      [channelAccountId],
    );
    if (!row) throw new NotFoundError('Channel account');
    return effectivePeriod({ channelDefault: row.channel_default, accountOverride: row.account_override });
  }
}

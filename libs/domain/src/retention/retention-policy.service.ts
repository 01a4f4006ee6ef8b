import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NotFoundError } from '@webcare/platform';
import { effectivePeriod } from './retention-policy';
import { RetentionRepository } from './retention.repository';

/** Reads the retention period that applies to a channel account right now. */
@Injectable()
export class RetentionPolicyService {
  constructor(private readonly repository: RetentionRepository) {}

  /**
   * The account's override, else its channel's default. Call it in the transaction that sends
   * the privacy notice and store the answer on the case (`cases.retention_period`).
   */
  async periodFor(manager: EntityManager, channelAccountId: string): Promise<string> {
    const row = await this.repository.periodSources(manager, channelAccountId);
    if (!row) throw new NotFoundError('Channel account');
    return effectivePeriod({ channelDefault: row.channel_default, accountOverride: row.account_override });
  }
}

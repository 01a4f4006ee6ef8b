import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@webcare/platform';
import { DeletedCase } from './case-deletion';
import { CaseShredder } from './case-shredder.service';
import { DeletedCaseTraces } from './deleted-case-traces.service';
import { RetentionMaintenance } from './retention-maintenance.service';
import { DeletionReason } from './retention-policy';
import { RetentionRepository } from './retention.repository';

export interface SweepResult {
  sweepId: string;
  deleted: number;
  messages: number;
  byReason: Record<DeletionReason, number>;
  expiredReceipts: number;
  /** Processed webhook events that never became a message (statuses, ignored kinds), now gone. */
  purgedEvents: number;
  failed: number;
}

interface Batch {
  deleted: DeletedCase[];
  /** Every due case the batch claimed, held ones included. */
  selected: string[];
}

/**
 * Deletes cases whose retention ran out, batch after batch, resting between batches. Shared by the
 * worker's scheduled job and the API's "sweep now", so they run one code path.
 *
 * Each batch is one transaction over whole cases: a crash leaves every case either fully present or
 * fully gone with its receipt, and the next run picks up the rest. Rows are claimed with
 * `FOR UPDATE … SKIP LOCKED` (cases and their contacts), so concurrent sweepers never touch the
 * same case, and `deletion_receipts.case_ref` is unique, so a case can never get two receipts.
 */
@Injectable()
export class RetentionSweeper {
  private readonly logger = new Logger(RetentionSweeper.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RetentionRepository,
    private readonly shredder: CaseShredder,
    private readonly maintenance: RetentionMaintenance,
    private readonly traces: DeletedCaseTraces,
    private readonly config: AppConfig,
  ) {}

  /** Runs batches until nothing due is left (or everything left is locked by another sweeper). */
  async sweep(opts: { sweepId?: string; batchSize?: number } = {}): Promise<SweepResult> {
    const sweepId = opts.sweepId ?? randomUUID();
    // Batches big enough for set-based deletes, small enough to keep locks and CPU bursts short.
    const batchSize = opts.batchSize ?? this.config.retentionBatchSize;
    const result: SweepResult = {
      sweepId,
      deleted: 0,
      messages: 0,
      byReason: { retention: 0, unanswered: 0, erasure: 0 },
      expiredReceipts: 0,
      purgedEvents: 0,
      failed: 0,
    };
    const skip: string[] = [];
    const swept: string[] = [];
    for (;;) {
      const batchStarted = Date.now();
      let batch: Batch;
      try {
        batch = await this.dataSource.transaction((m) => this.sweepBatch(m, sweepId, batchSize, skip, null));
      } catch (err) {
        this.logger.warn(
          { err: { message: (err as Error).message } },
          'retention batch failed; retrying per case',
        );
        batch = await this.sweepOneByOne(sweepId, batchSize, skip, result);
      }
      const { deleted, selected } = batch;
      await this.traces.clear(deleted, { scan: false });
      swept.push(...deleted.map((d) => d.caseId));
      result.deleted += deleted.length;
      for (const d of deleted) {
        result.byReason[d.reason]++;
        result.messages += d.counts.messages;
      }
      if (!selected.length || (!deleted.length && selected.every((id) => skip.includes(id)))) break;
      // Resting in proportion to the batch leaves webhooks and agents their share of CPU and WAL
      // bandwidth on a small machine while a large backlog is deleted.
      await new Promise((r) => setTimeout(r, (Date.now() - batchStarted) * this.config.retentionRestRatio));
    }
    await this.traces.removeRedisKeys(swept, { scan: true, known: false });
    result.expiredReceipts = await this.maintenance.expireReceipts();
    result.purgedEvents = await this.maintenance.purgeSettledEvents();
    if (result.deleted || result.expiredReceipts || result.purgedEvents) {
      this.logger.log(
        {
          sweepId,
          deleted: result.deleted,
          byReason: result.byReason,
          messages: result.messages,
          expiredReceipts: result.expiredReceipts,
          purgedEvents: result.purgedEvents,
        },
        'retention sweep done',
      );
    }
    return result;
  }

  /** One bad case must not stall the rest: redo the batch case by case and skip failures. */
  private async sweepOneByOne(
    sweepId: string,
    batchSize: number,
    skip: string[],
    result: SweepResult,
  ): Promise<Batch> {
    const deleted: DeletedCase[] = [];
    const ids = await this.dataSource.transaction(async (m) =>
      (await this.repository.lockDue(m, batchSize, skip, null)).map((r) => r.id),
    );
    for (const id of ids) {
      try {
        const one = await this.dataSource.transaction((m) => this.sweepBatch(m, sweepId, 1, skip, [id]));
        deleted.push(...one.deleted);
      } catch (e) {
        skip.push(id);
        result.failed++;
        this.logger.error({ err: { message: (e as Error).message } }, 'retention could not delete a case');
      }
    }
    return { deleted, selected: ids };
  }

  private async sweepBatch(
    m: EntityManager,
    sweepId: string,
    limit: number,
    skip: string[],
    only: string[] | null,
  ): Promise<Batch> {
    await this.repository.takeBatchTurn(m);
    const due = await this.repository.lockDue(m, limit, skip, only);
    if (!due.length) return { deleted: [], selected: [] };
    const { deleted } = await this.shredder.shred(
      m,
      due.map((d) => ({
        id: d.id,
        teamId: d.team_id,
        contactId: d.contact_id,
        dataKeyId: d.data_key_id,
        reason: d.reason,
        policy: d.policy,
      })),
      { sweepId, actorId: null },
    );
    return { deleted, selected: due.map((d) => d.id) };
  }
}

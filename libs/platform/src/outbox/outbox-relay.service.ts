import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { isJobName, JOB_QUEUE, jobIdFor, JobName, JobPayloads, QueueName } from '../jobs/job-catalogue';
import { SerialTicker } from '../jobs/serial-ticker';
import { QUEUES } from '../redis/redis.module';
import { queryReturning } from '../database/query-returning';

const BATCH = 500;
const POLL_MS = 1000;
const REDIS_TIMEOUT_MS = 3000;

/**
 * Moves committed outbox rows onto BullMQ. Rows are deleted in the same transaction that enqueued
 * them: if Redis is down the transaction rolls back and the rows wait for the next attempt.
 */
@Injectable()
export class OutboxRelay implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly ticker = new SerialTicker(
    () => this.drain(),
    (err) => this.logger.warn({ err: { message: err.message } }, 'outbox relay pass failed; will retry'),
  );

  constructor(
    private readonly dataSource: DataSource,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  onModuleInit(): void {
    this.ticker.start(POLL_MS);
    this.ticker.kick();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ticker.stop();
  }

  /** Called after a commit that wrote outbox rows; concurrent kicks coalesce into one more pass. */
  kick(): void {
    this.ticker.kick();
  }

  private async drain(): Promise<void> {
    for (;;) {
      const moved = await this.relayBatch();
      if (moved < BATCH) return;
    }
  }

  async relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      // A lost commit only brings rows back, and re-sent jobs collapse on their deterministic ids.
      await manager.query(`SET LOCAL synchronous_commit = off`);
      const rows = await queryReturning<{ id: string; job_name: string; payload: Record<string, unknown> }>(
        manager,
        `DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED
         ) RETURNING id, job_name, payload`,
        [BATCH],
      );
      if (!rows.length) return 0;
      const byQueue = new Map<
        QueueName,
        { name: JobName; data: Record<string, unknown>; opts: { jobId: string } }[]
      >();
      for (const row of rows) {
        if (!isJobName(row.job_name)) throw new Error(`Unknown job name in outbox row ${row.id}`);
        const queue = JOB_QUEUE[row.job_name];
        const list = byQueue.get(queue) ?? [];
        list.push({
          name: row.job_name,
          data: row.payload,
          opts: { jobId: jobIdFor(row.job_name, row.payload as unknown as JobPayloads[JobName]) },
        });
        byQueue.set(queue, list);
      }
      await withTimeout(
        Promise.all([...byQueue].map(([queue, jobs]) => this.queues.get(queue)!.addBulk(jobs))),
        REDIS_TIMEOUT_MS,
      );
      return rows.length;
    });
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error('Redis did not answer in time')), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

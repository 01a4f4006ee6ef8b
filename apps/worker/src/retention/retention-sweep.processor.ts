import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { AppConfig, JobHandlerRegistry, JobName, JobPayloads, QUEUES, QueueName } from '@webcare/platform';
import { RetentionMaintenance, RetentionSweeper } from '@webcare/domain';
import { Queue } from 'bullmq';

/** Job scheduler id: every worker upserts the same one, so there is one schedule however many run. */
export const RETENTION_SCHEDULER_ID = 'retention-sweep';

/**
 * The retention job: deletes every due case (batches, SKIP LOCKED, so several workers share the
 * work), then vacuums the touched tables. Scheduled every RETENTION_SWEEP_EVERY.
 */
@Injectable()
export class RetentionSweepProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(RetentionSweepProcessor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sweeper: RetentionSweeper,
    private readonly maintenance: RetentionMaintenance,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.RetentionSweep, (payload) => this.run(payload));
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues
        .get(QueueName.Retention)!
        .upsertJobScheduler(
          RETENTION_SCHEDULER_ID,
          { every: this.config.retentionSweepEveryMs },
          { name: JobName.RetentionSweep, data: {} satisfies JobPayloads[JobName.RetentionSweep] },
        );
    } catch (err) {
      // Redis down at start: the next worker start (or any other running worker) sets it up.
      this.logger.warn(
        { err: { message: (err as Error).message } },
        'could not set up the retention schedule',
      );
    }
  }

  async run(payload: JobPayloads[JobName.RetentionSweep]): Promise<void> {
    const result = await this.sweeper.sweep({ sweepId: payload.sweepId });
    if (result.deleted > 0) await this.maintenance.vacuum();
  }
}

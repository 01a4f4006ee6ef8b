import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { JobHandlerRegistry, JobName, JobPayloads, QUEUES, QueueName } from '@webcare/platform';
import { SealedWeeksService } from '@webcare/domain';
import { Queue } from 'bullmq';

/** Job scheduler id: every worker upserts the same one, so there is one schedule however many run. */
export const REPORTS_SCHEDULER_ID = 'reports-seal';
/** Hourly: a week becomes due once a week; the other runs find nothing to do (one small query). */
const EVERY_MS = 3_600_000;

/**
 * Seals report weeks as they become due (7 days after their end), so managers' reports read stored
 * cubes and never wait for the protection of a week. Sealing is idempotent and safe to race: the
 * first stored cube of a week wins.
 */
@Injectable()
export class SealReportWeeksProcessor implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger(SealReportWeeksProcessor.name);

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly sealed: SealedWeeksService,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  onModuleInit(): void {
    this.registry.register(JobName.SealReportWeeks, () => this.run());
  }

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queues
        .get(QueueName.Reports)!
        .upsertJobScheduler(
          REPORTS_SCHEDULER_ID,
          { every: EVERY_MS },
          { name: JobName.SealReportWeeks, data: {} satisfies JobPayloads[JobName.SealReportWeeks] },
        );
    } catch (err) {
      // Redis down at start: the next worker start (or any other running worker) sets it up.
      this.logger.warn(
        { err: { message: (err as Error).message } },
        'could not set up the report sealing schedule',
      );
    }
  }

  async run(): Promise<void> {
    await this.sealed.sealDue(new Date());
  }
}

import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  ALL_JOB_NAMES,
  ALL_QUEUE_NAMES,
  AppConfig,
  createRedis,
  isJobName,
  JobHandlerRegistry,
} from '@webcare/platform';
import { Job, Worker } from 'bullmq';

/**
 * One BullMQ worker per queue, dispatching by job name. Start-up fails unless every job in the
 * catalogue has exactly one handler (handlers register in onModuleInit, before this runs).
 */
@Injectable()
export class JobRunner implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobRunner.name);
  private workers: Worker[] = [];

  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.assertComplete(ALL_JOB_NAMES);
    this.workers = ALL_QUEUE_NAMES.map((queue) => {
      const connection = createRedis(this.config.redisUrl, 'worker');
      connection.on('error', () => undefined);
      const worker = new Worker(queue, (job) => this.run(job), {
        connection,
        prefix: this.config.redisPrefix,
        concurrency: this.config.workerConcurrency,
        lockDuration: this.config.jobLockMs,
        stalledInterval: Math.max(1000, Math.floor(this.config.jobLockMs / 2)),
      });
      // Job ids and names only: payloads are ids, and errors from handlers carry no content.
      worker.on('failed', (job, err) =>
        this.logger.warn(
          { queue, jobId: job?.id, job: job?.name, err: { type: err.name, message: err.message } },
          'job failed',
        ),
      );
      worker.on('error', (err) =>
        this.logger.warn({ queue, err: { type: err.name, message: err.message } }, 'worker error'),
      );
      return worker;
    });
    this.logger.log({ queues: ALL_QUEUE_NAMES }, 'worker ready');
  }

  private async run(job: Job): Promise<void> {
    if (!isJobName(job.name)) throw new Error(`Unknown job name "${job.name}"`);
    await this.registry.get(job.name)(job.data);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

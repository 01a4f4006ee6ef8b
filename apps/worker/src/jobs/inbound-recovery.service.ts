import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { inboundEventJobs, QUEUES, QueueName, SerialTicker } from '@webcare/platform';
import { Queue } from 'bullmq';
import { InboundRecoveryRepository } from './inbound-recovery.repository';

const EVERY_MS = 10_000;
const OLDER_THAN_SECONDS = 15;
const BATCH = 1000;

/**
 * Redis may lose queued jobs (a restart without persistence). Stored events that are still
 * unprocessed after a while are enqueued again, in batches; claiming an event is idempotent, so
 * nothing is lost and nothing runs twice.
 */
@Injectable()
export class InboundRecoveryService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(InboundRecoveryService.name);
  private readonly ticker = new SerialTicker(
    () => this.sweep(),
    (err) => this.logger.warn({ err: { message: err.message } }, 'inbound recovery pass failed'),
  );

  constructor(
    private readonly repository: InboundRecoveryRepository,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  onApplicationBootstrap(): void {
    this.ticker.start(EVERY_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.ticker.stop();
  }

  private async sweep(): Promise<void> {
    const ids = await this.repository.unprocessedIds(OLDER_THAN_SECONDS, BATCH);
    if (!ids.length) return;
    await this.queues.get(QueueName.Inbound)!.addBulk(inboundEventJobs(ids));
    this.logger.log({ events: ids.length }, 're-enqueued unprocessed inbound events');
  }
}

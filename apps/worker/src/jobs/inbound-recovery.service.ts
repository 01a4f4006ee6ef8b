import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { inboundEventJobs, QUEUES, QueueName } from '@webcare/platform';
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
  private timer: NodeJS.Timeout | null = null;
  private busy = false;

  constructor(
    private readonly repository: InboundRecoveryRepository,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async sweep(): Promise<number> {
    if (this.busy) return 0;
    this.busy = true;
    try {
      const ids = await this.repository.unprocessedIds(OLDER_THAN_SECONDS, BATCH);
      if (!ids.length) return 0;
      await this.queues.get(QueueName.Inbound)!.addBulk(inboundEventJobs(ids));
      this.logger.log({ events: ids.length }, 're-enqueued unprocessed inbound events');
      return ids.length;
    } catch (err) {
      this.logger.warn({ err: { message: (err as Error).message } }, 'inbound recovery pass failed');
      return 0;
    } finally {
      this.busy = false;
    }
  }
}

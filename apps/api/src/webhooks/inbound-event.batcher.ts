import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { NormalizedEvent } from '@webcare/channels';
import { INBOUND_JOB_BATCH, inboundEventJobs, KeyRing, QUEUES, QueueName } from '@webcare/platform';
import { storeInboundEvents } from '@webcare/domain';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';

type Row = { accountId: string; event: NormalizedEvent };

interface Waiting {
  rows: Row[];
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Under load, inserts start at most this often. Every round trip to Postgres costs the api (and
 * Postgres) a system call and a wake-up whatever it carries; at 1,000 webhooks/s this spacing
 * makes one insert carry about four of them, for at most this much added wait. A webhook after a
 * quiet spell is inserted at once.
 */
const MIN_INSERT_INTERVAL_MS = 4;
/** Upper bound on the rows of one insert, so one statement stays short. */
const MAX_ROWS = 200;
/**
 * Stored ids wait this long for more before they go to the queue (unless a full job's worth is
 * ready): the worker files a batch for about the cost of one event, and the wait is not part of
 * any webhook's response time.
 */
const ENQUEUE_LINGER_MS = 50;

/**
 * Group commit for webhook events: each webhook still answers only after its events are durably
 * stored, but webhooks that arrive while an insert is running (or within the spacing above) are
 * stored together by the next one, one insert at a time, and their ids go to the queue together as
 * batch jobs. Under light load every webhook is its own insert (no added wait); under heavy load
 * one round trip to Postgres and one to Redis serve many webhooks.
 */
@Injectable()
export class InboundEventBatcher implements OnApplicationShutdown {
  private readonly logger = new Logger(InboundEventBatcher.name);
  private readonly waiting: Waiting[] = [];
  private inserting = false;
  private lastInsertAt = 0;
  private spacing: NodeJS.Timeout | null = null;
  private stored: string[] = [];
  private lingering: NodeJS.Timeout | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    @Inject(QUEUES) private readonly queues: Map<QueueName, Queue>,
  ) {}

  /** Ids still lingering go to the queue now (the recovery sweep would find them later otherwise). */
  onApplicationShutdown(): Promise<void> {
    return this.enqueueStored();
  }

  /** Resolves once the rows are committed; rejects if the insert they joined failed. */
  store(rows: Row[]): Promise<void> {
    if (!rows.length) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.waiting.push({ rows, resolve, reject });
      this.next();
    });
  }

  private next(): void {
    if (this.inserting || this.spacing || !this.waiting.length) return;
    const wait = this.lastInsertAt + MIN_INSERT_INTERVAL_MS - Date.now();
    if (wait > 0) {
      this.spacing = setTimeout(() => {
        this.spacing = null;
        this.next();
      }, wait);
      return;
    }
    const group: Waiting[] = [];
    let size = 0;
    while (this.waiting.length && (size === 0 || size + this.waiting[0].rows.length <= MAX_ROWS)) {
      const w = this.waiting.shift()!;
      group.push(w);
      size += w.rows.length;
    }
    this.inserting = true;
    this.lastInsertAt = Date.now();
    void this.flush(group).finally(() => {
      this.inserting = false;
      this.next();
    });
  }

  private async flush(group: Waiting[]): Promise<void> {
    let ids: string[];
    try {
      ids = await storeInboundEvents(
        this.dataSource,
        this.keyRing,
        group.flatMap((w) => w.rows),
        { outbox: false },
      );
    } catch (err) {
      for (const w of group) w.reject(err);
      return;
    }
    for (const w of group) w.resolve();
    this.stored.push(...ids);
    if (this.stored.length >= INBOUND_JOB_BATCH) void this.enqueueStored();
    else if (this.stored.length && !this.lingering) {
      this.lingering = setTimeout(() => void this.enqueueStored(), ENQUEUE_LINGER_MS);
    }
  }

  private enqueueStored(): Promise<void> {
    if (this.lingering) clearTimeout(this.lingering);
    this.lingering = null;
    const ids = this.stored;
    this.stored = [];
    return this.enqueue(ids);
  }

  /**
   * After the commit, not awaited by the responses. If Redis is down this fails fast and the
   * worker's recovery sweep enqueues the stored events once it is back.
   */
  private async enqueue(ids: string[]): Promise<void> {
    if (!ids.length) return;
    try {
      await this.queues.get(QueueName.Inbound)!.addBulk(inboundEventJobs(ids));
    } catch (err) {
      this.logger.warn(
        { events: ids.length, err: { message: (err as Error).message } },
        'enqueue failed; recovery will retry',
      );
    }
  }
}

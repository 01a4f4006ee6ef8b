import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DELETION_TABLES } from './case-deletion';
import { RetentionRepository } from './retention.repository';

/** Arbitrary constant: only one process vacuums the swept tables at a time. */
const VACUUM_LOCK = 6_021_417;

/** Meta retries an undelivered webhook for up to 7 days; until then an event's row dedupes retries. */
const SETTLED_EVENT_KEEP = 'P7D';
const PURGE_BATCH = 5000;

/**
 * Vacuumed after a sweep that deleted rows: the tables a case deletion empties in this database
 * (data keys live in the key store), and the receipts it writes.
 */
const VACUUM_TABLES = [...DELETION_TABLES.filter((t) => t !== 'data_keys'), 'deletion_receipts'];

/** Housekeeping after the case deletions: expired receipts, settled webhook events, dead tuples. */
@Injectable()
export class RetentionMaintenance {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RetentionRepository,
  ) {}

  /**
   * Webhook events that were processed without becoming a message (delivery statuses, kinds we do
   * not file) are kept only as long as the platform may still retry them (their row is what makes a
   * retry a duplicate), then deleted in batches. Events behind a message go with that message.
   */
  async purgeSettledEvents(): Promise<number> {
    let purged = 0;
    for (;;) {
      const n = await this.repository.purgeSettledEvents(
        this.dataSource.manager,
        SETTLED_EVENT_KEEP,
        PURGE_BATCH,
      );
      purged += n;
      if (n < PURGE_BATCH) return purged;
    }
  }

  /** Receipts are proof for a limited time; past keep_until they go too. */
  async expireReceipts(): Promise<number> {
    return this.repository.expireReceipts(this.dataSource.manager);
  }

  /**
   * Deleted rows linger as dead tuples until vacuumed (never visible to SQL or pg_dump, but still
   * on disk pages). VACUUM makes their space reusable right away instead of waiting for autovacuum.
   * It cannot run in a transaction; only one process vacuums at a time (others skip).
   */
  async vacuum(): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      if (!(await this.repository.tryLock(runner.manager, VACUUM_LOCK))) return false;
      try {
        await this.repository.vacuum(runner.manager, VACUUM_TABLES);
        return true;
      } finally {
        await this.repository.unlock(runner.manager, VACUUM_LOCK);
      }
    } finally {
      await runner.release();
    }
  }
}

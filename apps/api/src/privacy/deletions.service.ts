import { Injectable, Logger } from '@nestjs/common';
import { RetentionSweeper } from '@webcare/core';
import { DataSource } from 'typeorm';

export interface DeletionReceiptView {
  id: string;
  caseRef: string;
  reason: string;
  policy: string | null;
  counts: Record<string, number>;
  sweepId: string | null;
  deletedAt: string;
}

@Injectable()
export class DeletionsService {
  private readonly logger = new Logger(DeletionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly sweeper: RetentionSweeper,
  ) {}

  /** The same sweep the worker runs on schedule, now, in this process. */
  async sweepNow(): Promise<{ deleted: number; sweepId: string }> {
    const result = await this.sweeper.sweep();
    if (result.deleted > 0) {
      // Reclaiming dead tuples can take a while on big tables; the answer does not wait for it.
      void this.sweeper
        .vacuum()
        .catch((err: Error) =>
          this.logger.warn({ err: { message: err.message } }, 'vacuum after sweep failed'),
        );
    }
    return { deleted: result.deleted, sweepId: result.sweepId };
  }

  async list(query: { caseId?: string; limit?: number }): Promise<{ items: DeletionReceiptView[] }> {
    const ref = query.caseId ? this.sweeper.caseRef(query.caseId.toLowerCase()) : null;
    const rows: (Omit<DeletionReceiptView, 'deletedAt'> & { deletedAt: Date })[] =
      await this.dataSource.query(
        `SELECT id, case_ref AS "caseRef", reason, policy, counts, sweep_id AS "sweepId", deleted_at AS "deletedAt"
         FROM deletion_receipts WHERE ($1::text IS NULL OR case_ref = $1)
        ORDER BY deleted_at DESC, id LIMIT $2`,
        [ref, query.limit ?? 100],
      );
    return { items: rows.map((r) => ({ ...r, deletedAt: r.deletedAt.toISOString() })) };
  }
}

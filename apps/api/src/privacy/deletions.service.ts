import { Injectable, Logger } from '@nestjs/common';
import { CaseShredder, RetentionMaintenance, RetentionSweeper } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { DeletionReceiptsRepository, ReceiptListRow } from './deletion-receipts.repository';
import { privacyOfficerOnly } from './privacy.errors';
import { DeletionReceiptView } from './dto/deletion.response.dto';

const view = (r: ReceiptListRow): DeletionReceiptView => ({
  id: r.id,
  caseRef: r.case_ref,
  reason: r.reason,
  policy: r.policy,
  counts: r.counts,
  sweepId: r.sweep_id,
  deletedAt: r.deleted_at.toISOString(),
});

@Injectable()
export class DeletionsService {
  private readonly logger = new Logger(DeletionsService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly receipts: DeletionReceiptsRepository,
    private readonly sweeper: RetentionSweeper,
    private readonly shredder: CaseShredder,
    private readonly maintenance: RetentionMaintenance,
  ) {}

  /** The same sweep the worker runs on schedule, now, in this process. */
  async sweepNow(actor: AuthUser): Promise<{ deleted: number; sweepId: string }> {
    privacyOfficerOnly(actor);
    const result = await this.sweeper.sweep();
    if (result.deleted > 0) {
      // Reclaiming dead tuples can take a while on big tables; the answer does not wait for it.
      void this.maintenance
        .vacuum()
        .catch((err: Error) =>
          this.logger.warn({ err: { message: err.message } }, 'vacuum after sweep failed'),
        );
    }
    return { deleted: result.deleted, sweepId: result.sweepId };
  }

  async list(
    actor: AuthUser,
    query: { caseId?: string; limit?: number },
  ): Promise<{ items: DeletionReceiptView[] }> {
    privacyOfficerOnly(actor);
    const ref = query.caseId ? this.shredder.caseRef(query.caseId.toLowerCase()) : null;
    const rows = await this.receipts.list(this.dataSource.manager, ref, query.limit ?? 100);
    return { items: rows.map(view) };
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface ReceiptListRow {
  id: string;
  case_ref: string;
  reason: string;
  policy: string | null;
  counts: Record<string, number>;
  sweep_id: string | null;
  deleted_at: Date;
}

/** The proofs of deletion the sweep and erasures leave behind (no personal data in them). */
@Injectable()
export class DeletionReceiptsRepository {
  /** Newest first; `caseRef` narrows to one case's receipt. */
  async list(m: EntityManager, caseRef: string | null, limit: number): Promise<ReceiptListRow[]> {
    return m.query(
      `SELECT id, case_ref, reason, policy, counts, sweep_id, deleted_at
         FROM deletion_receipts WHERE ($1::text IS NULL OR case_ref = $1)
        ORDER BY deleted_at DESC, id LIMIT $2`,
      [caseRef, limit],
    );
  }
}

import { ApiProperty } from '@nestjs/swagger';
import { ListOf } from '../../http/dto/list.response.dto';

/** Proof that a case was deleted, without its content: what went, why, and under which policy. */
export class DeletionReceiptView {
  id: string;
  caseRef: string;
  reason: string;
  policy: string | null;
  /** Deleted rows per table. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  counts: Record<string, number>;
  sweepId: string | null;
  deletedAt: string;
}

export class DeletionList extends ListOf(DeletionReceiptView) {}

export class SweepResult {
  deleted: number;
  sweepId: string;
}

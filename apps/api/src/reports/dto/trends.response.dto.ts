import { ApiProperty } from '@nestjs/swagger';
import { GroupKey, TrendRow } from '@webcare/domain';

/**
 * A row of a report (libs/domain's TrendRow, a record): the keys it is grouped by, then its figures,
 * or `count: null, suppressed: true` where the cell is not published.
 */
export class TrendRowView {
  week?: string;
  channel?: string;
  topic?: string;
  language?: string;
  sentiment?: string;
  count: number | null;
  suppressed?: boolean;
  medianFirstResponseMinutes?: number | null;
  medianResolutionMinutes?: number | null;
  escalatedShare?: number | null;
}

export class TrendsReport {
  minCell: number;
  /** The range as answered: widened to whole ISO weeks. */
  from: string;
  to: string;
  /** Sealed weeks included; weeks of the range not yet sealed are left out. */
  weeks: string[];
  groupBy: GroupKey[];
  @ApiProperty({ type: [TrendRowView] })
  rows: TrendRow[];
}

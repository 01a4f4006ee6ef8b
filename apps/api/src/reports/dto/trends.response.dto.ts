import { ApiProperty } from '@nestjs/swagger';
import { GroupKey, TrendRow } from '@webcare/domain';

export class TrendsReport {
  minCell: number;
  /** The range as answered: widened to whole ISO weeks. */
  from: string;
  to: string;
  /** Sealed weeks included; weeks of the range not yet sealed are left out. */
  weeks: string[];
  groupBy: GroupKey[];
  /** One row per group: the `groupBy` keys, `count` and the measures (null where suppressed). */
  @ApiProperty({
    type: 'array',
    items: {
      type: 'object',
      additionalProperties: {
        oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }],
        nullable: true,
      },
    },
  })
  rows: TrendRow[];
}

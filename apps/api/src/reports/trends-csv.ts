import { TrendRow } from '@webcare/domain';

const FIGURES = [
  'count',
  'suppressed',
  'medianFirstResponseMinutes',
  'medianResolutionMinutes',
  'escalatedShare',
];

/** The same rows as CSV: grouping keys, then the figures; a suppressed row has only `suppressed` = true. */
export function trendsCsv(keys: string[], rows: TrendRow[]): string {
  const lines = [[...keys, ...FIGURES].join(',')];
  for (const row of rows) {
    const values = [
      ...keys.map((k) => row[k]),
      row.count,
      row.suppressed === true,
      row.medianFirstResponseMinutes,
      row.medianResolutionMinutes,
      row.escalatedShare,
    ];
    lines.push(values.map((v) => (v === null || v === undefined ? '' : String(v))).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

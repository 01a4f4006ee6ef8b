import { Injectable } from '@nestjs/common';
import { FACT_DIMENSIONS } from '../dimensions';
import { BaseCellFacts } from '../disclosure/week-cube';
import { DataSource } from 'typeorm';

/** A sealed week as stored: counts of every cube cell, suppressed cell numbers, per-base-cell figures. */
export interface StoredCube {
  counts: number[];
  suppressed: number[];
  escalated: number[];
  firstResponse: number[][];
  resolution: number[][];
}

interface FactGroupRow {
  week_start: string;
  channel: string;
  topic: string;
  language: string;
  sentiment: string;
  count: number;
  escalated: number;
  first_response: number[];
  resolution: number[];
}

/** SQL for sealed report weeks and the fact aggregates they are built from. */
@Injectable()
export class ReportWeeksRepository {
  constructor(private readonly dataSource: DataSource) {}

  async load(weekStarts: string[]): Promise<Map<string, { minCell: number; cube: StoredCube }>> {
    const rows: { week_start: string; min_cell: number; cube: StoredCube }[] = await this.dataSource.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, min_cell, cube FROM report_weeks WHERE week_start = ANY($1::date[])`,
      [weekStarts],
    );
    return new Map(rows.map((r) => [r.week_start, { minCell: r.min_cell, cube: r.cube }]));
  }

  /** Facts of the given weeks grouped into base cells (base index as in the cube: channel fastest). */
  async baseCells(weekStarts: string[]): Promise<Map<string, BaseCellFacts[]>> {
    const rows: FactGroupRow[] = await this.dataSource.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS week_start, channel, topic, language, sentiment,
              count(*)::int AS count, count(*) FILTER (WHERE escalated)::int AS escalated,
              COALESCE(array_agg(first_response_minutes) FILTER (WHERE first_response_minutes IS NOT NULL), '{}') AS first_response,
              COALESCE(array_agg(resolution_minutes) FILTER (WHERE resolution_minutes IS NOT NULL), '{}') AS resolution
         FROM case_facts WHERE week_start = ANY($1::date[])
        GROUP BY 1, 2, 3, 4, 5`,
      [weekStarts],
    );
    const out = new Map<string, BaseCellFacts[]>(weekStarts.map((w) => [w, []]));
    for (const r of rows) {
      out.get(r.week_start)!.push({
        base: baseIndex(r),
        count: r.count,
        escalated: r.escalated,
        firstResponseMinutes: r.first_response,
        resolutionMinutes: r.resolution,
      });
    }
    return out;
  }

  /** Monday of the earliest week with facts, or null when there are none. */
  async firstWeek(): Promise<string | null> {
    const [row]: { first: string | null }[] = await this.dataSource.query(
      `SELECT to_char(min(week_start), 'YYYY-MM-DD') AS first FROM case_facts`,
    );
    return row.first;
  }

  /** Stores sealed weeks unless another instance sealed them first; returns the week starts stored here. */
  async seal(weeks: { weekStart: string; minCell: number; cube: StoredCube }[]): Promise<Set<string>> {
    const rows: { week_start: string }[] = await this.dataSource.query(
      `INSERT INTO report_weeks (week_start, min_cell, cube)
       SELECT * FROM unnest($1::date[], $2::int[], $3::jsonb[])
       ON CONFLICT (week_start) DO NOTHING
       RETURNING to_char(week_start, 'YYYY-MM-DD') AS week_start`,
      [weeks.map((w) => w.weekStart), weeks.map((w) => w.minCell), weeks.map((w) => JSON.stringify(w.cube))],
    );
    return new Set(rows.map((r) => r.week_start));
  }
}

function baseIndex(row: FactGroupRow): number {
  let index = 0;
  let stride = 1;
  for (const dim of FACT_DIMENSIONS) {
    index += dim.values.indexOf(row[dim.key]) * stride;
    stride *= dim.values.length;
  }
  return index;
}

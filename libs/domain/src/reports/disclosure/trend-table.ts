import { CubeShape } from './cube';
import { CellFigures, WeekCube } from './week-cube';

export interface TrendDimension {
  key: string;
  values: readonly string[];
}

/** One row of a report: its grouping keys and either figures or `count: null, suppressed: true`. */
export type TrendRow = Record<string, string | number | boolean | null>;

/**
 * Answers a report from sealed week cubes only. With `week` in the grouping every row is a cell of
 * one week's cube as published. Without it, a row sums the same cell over the weeks of the range
 * and is published only when that cell is published in every one of those weeks: then it is a sum
 * of published numbers and tells nothing new; otherwise some week's cell in it is suppressed with
 * an interval at least `minCell` wide, and since weeks share no published relation the sum keeps
 * that width. So any range and any grouping is safe, and a 5-week total minus a 4-week total is a
 * difference of sums of published cells.
 */
export function trendRows(
  shape: CubeShape,
  dimensions: readonly TrendDimension[],
  cubes: WeekCube[],
  groupBy: readonly string[],
): TrendRow[] {
  let mask = 0;
  dimensions.forEach((dim, d) => {
    if (groupBy.includes(dim.key)) mask |= 1 << d;
  });
  const cells = shape.cellsOfGrouping(mask);
  const rows: TrendRow[] = [];
  const byWeek = groupBy.includes('week');
  const groups = byWeek ? cubes.map((c) => [c]) : cubes.length ? [cubes] : [];
  for (const group of groups) {
    for (const cell of cells) {
      const row: TrendRow = {};
      if (byWeek) row.week = group[0].week;
      const code = shape.code(cell);
      dimensions.forEach((dim, d) => {
        if (mask & (1 << d)) row[dim.key] = dim.values[code[d]];
      });
      rows.push(Object.assign(row, figures(shape, group, cell)));
    }
  }
  return rows;
}

function figures(shape: CubeShape, cubes: WeekCube[], cell: number): TrendRow {
  if (cubes.some((c) => c.suppressed[cell])) return { count: null, suppressed: true };
  let count = 0;
  for (const cube of cubes) count += cube.counts[cell];
  const f = cubes.length === 1 ? weekFigures(shape, cubes[0], cell) : cellFigures(shape, cubes, cell);
  return {
    count,
    medianFirstResponseMinutes: f.medianFirstResponseMinutes,
    medianResolutionMinutes: f.medianResolutionMinutes,
    escalatedShare: count ? Math.round((f.escalated / count) * 1000) / 1000 : null,
  };
}

/** One week's cell: computed once per sealed cube and kept with it. */
function weekFigures(shape: CubeShape, cube: WeekCube, cell: number): CellFigures {
  cube.memo ??= new Map();
  let f = cube.memo.get(cell);
  if (!f) cube.memo.set(cell, (f = cellFigures(shape, [cube], cell)));
  return f;
}

function cellFigures(shape: CubeShape, cubes: WeekCube[], cell: number): CellFigures {
  let escalated = 0;
  const firstResponse: Int32Array[] = [];
  const resolution: Int32Array[] = [];
  const bases = shape.basesUnder(cell);
  for (const cube of cubes) {
    for (const b of bases) {
      escalated += cube.escalated[b];
      if (cube.firstResponse[b].length) firstResponse.push(cube.firstResponse[b]);
      if (cube.resolution[b].length) resolution.push(cube.resolution[b]);
    }
  }
  return {
    escalated,
    medianFirstResponseMinutes: median(firstResponse),
    medianResolutionMinutes: median(resolution),
  };
}

/** Median of the union of several sorted arrays (linear time: copy, then select). */
export function median(parts: Int32Array[]): number | null {
  if (parts.length === 1) {
    const p = parts[0];
    const mid = p.length >> 1;
    return p.length % 2 ? p[mid] : (p[mid - 1] + p[mid]) / 2;
  }
  let n = 0;
  for (const p of parts) n += p.length;
  if (!n) return null;
  const all = new Int32Array(n);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    at += p.length;
  }
  const upper = select(all, n >> 1);
  if (n % 2) return upper;
  let lower = -Infinity;
  for (let i = 0; i < n >> 1; i++) if (all[i] > lower) lower = all[i];
  return (lower + upper) / 2;
}

/** k-th smallest (Hoare's quickselect, middle pivot); leaves everything left of k at most the result. */
function select(a: Int32Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k];
}

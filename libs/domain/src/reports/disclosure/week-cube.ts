import { CubeShape } from './cube';
import { protectCube } from './protect';

/** The facts of one base cell of one week: how many, how many escalated, and their times. */
export interface BaseCellFacts {
  /** Base cell index (dimension 0 varies fastest). */
  base: number;
  count: number;
  escalated: number;
  firstResponseMinutes: number[];
  resolutionMinutes: number[];
}

/** One ISO week's facts as counted, suppressed and fixed when the week is sealed. */
export interface WeekCube {
  week: string;
  /** Count of every cube cell (all groupings). */
  counts: Int32Array;
  /** 1 where the cell is suppressed. */
  suppressed: Uint8Array;
  /** Per base cell. */
  escalated: Int32Array;
  /** Per base cell, ascending. */
  firstResponse: Int32Array[];
  resolution: Int32Array[];
  /** Figures of this week's cells once computed (a sealed cube never changes). */
  memo?: Map<number, CellFigures>;
}

export interface CellFigures {
  escalated: number;
  medianFirstResponseMinutes: number | null;
  medianResolutionMinutes: number | null;
}

export function buildWeekCube(
  shape: CubeShape,
  week: string,
  facts: BaseCellFacts[],
  minCell: number,
  maxDimensions = shape.dims,
): WeekCube {
  const baseCounts = new Int32Array(shape.baseCount);
  const escalated = new Int32Array(shape.baseCount);
  const firstResponse: Int32Array[] = Array.from({ length: shape.baseCount }, () => EMPTY);
  const resolution: Int32Array[] = Array.from({ length: shape.baseCount }, () => EMPTY);
  for (const f of facts) {
    baseCounts[f.base] += f.count;
    escalated[f.base] += f.escalated;
    firstResponse[f.base] = sorted(firstResponse[f.base], f.firstResponseMinutes);
    resolution[f.base] = sorted(resolution[f.base], f.resolutionMinutes);
  }
  const counts = shape.aggregate(baseCounts);
  return {
    week,
    counts,
    suppressed: protectCube(shape, counts, minCell, maxDimensions),
    escalated,
    firstResponse,
    resolution,
  };
}

const EMPTY = new Int32Array(0);

function sorted(have: Int32Array, more: number[]): Int32Array {
  const all = new Int32Array(have.length + more.length);
  all.set(have);
  all.set(more, have.length);
  return all.sort();
}

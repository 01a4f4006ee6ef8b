import { Injectable } from '@nestjs/common';
import { AppConfig } from '@webcare/platform';
import { FACT_DIMENSIONS, REPORT_MAX_DIMENSIONS } from '../dimensions';
import { CubeShape } from '../disclosure/cube';
import { buildWeekCube, WeekCube } from '../disclosure/week-cube';
import { isoWeeksBetween, isSealable, IsoWeek } from '../iso-week';
import { ReportWeeksRepository, StoredCube } from './report-weeks.repository';

/** Days after a week's end before it is sealed: closes in that time still count. */
export const SEAL_LAG_DAYS = 7;

export const REPORT_SHAPE = new CubeShape(FACT_DIMENSIONS.map((d) => d.values.length));

/**
 * Sealed week cubes: a week is counted and protected once, when first asked for after it has been
 * over for SEAL_LAG_DAYS, and stored; from then on every report reads the same figures. Weeks not
 * yet sealable are not reported at all. Sealed cubes never change, so each instance keeps the ones
 * it has read in memory. The worker's `reports.seal` job seals each week as it becomes due, so a
 * reader rarely pays for sealing.
 */
@Injectable()
export class SealedWeeksService {
  private readonly cache = new Map<string, WeekCube>();

  constructor(
    private readonly weeks: ReportWeeksRepository,
    private readonly config: AppConfig,
  ) {}

  async cubes(range: IsoWeek[], now: Date): Promise<WeekCube[]> {
    const sealable = range.filter((w) => isSealable(w.start, now, SEAL_LAG_DAYS));
    const missing = sealable.filter((w) => !this.cache.has(w.start));
    if (missing.length) await this.fill(missing);
    return sealable.map((w) => this.cache.get(w.start)!);
  }

  /** Seals every week from the first fact's week that is due and not sealed yet; returns how many weeks it looked at. */
  async sealDue(now: Date): Promise<number> {
    const first = await this.weeks.firstWeek();
    if (!first) return 0;
    const range = isoWeeksBetween(first, now.toISOString().slice(0, 10));
    await this.cubes(range, now);
    return range.length;
  }

  private async fill(missing: IsoWeek[]): Promise<void> {
    const names = new Map(missing.map((w) => [w.start, w.name]));
    let stored = await this.weeks.load(missing.map((w) => w.start));
    const unsealed = missing.filter((w) => !stored.has(w.start)).map((w) => w.start);
    if (unsealed.length) {
      const facts = await this.weeks.baseCells(unsealed);
      const minCell = this.config.reportMinCell;
      await this.weeks.seal(
        unsealed.map((start) => ({
          weekStart: start,
          minCell,
          cube: toStored(
            buildWeekCube(REPORT_SHAPE, names.get(start)!, facts.get(start)!, minCell, REPORT_MAX_DIMENSIONS),
          ),
        })),
      );
      // Another instance may have sealed some first: everyone serves what is stored.
      stored = await this.weeks.load(missing.map((w) => w.start));
    }
    for (const [start, { cube }] of stored) this.cache.set(start, fromStored(names.get(start)!, cube));
  }
}

function toStored(cube: WeekCube): StoredCube {
  const suppressed: number[] = [];
  cube.suppressed.forEach((s, cell) => s && suppressed.push(cell));
  return {
    counts: Array.from(cube.counts),
    suppressed,
    escalated: Array.from(cube.escalated),
    firstResponse: cube.firstResponse.map((a) => Array.from(a)),
    resolution: cube.resolution.map((a) => Array.from(a)),
  };
}

function fromStored(week: string, stored: StoredCube): WeekCube {
  const suppressed = new Uint8Array(stored.counts.length);
  for (const cell of stored.suppressed) suppressed[cell] = 1;
  return {
    week,
    counts: Int32Array.from(stored.counts),
    suppressed,
    escalated: Int32Array.from(stored.escalated),
    firstResponse: stored.firstResponse.map((a) => Int32Array.from(a)),
    resolution: stored.resolution.map((a) => Int32Array.from(a)),
  };
}

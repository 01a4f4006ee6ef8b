import solver from 'javascript-lp-solver';
import { CubeShape } from './cube';
import { TrendDimension, trendRows } from './trend-table';
import { BaseCellFacts, buildWeekCube, WeekCube } from './week-cube';

/** Small deterministic PRNG so a failing table can be reproduced from its seed. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dimensionsFor(sizes: number[]): TrendDimension[] {
  return sizes.map((size, d) => ({ key: `d${d}`, values: [...Array(size).keys()].map((v) => `v${v}`) }));
}

function randomWeek(
  shape: CubeShape,
  week: string,
  random: () => number,
  minCell: number,
  maxDims = shape.dims,
): WeekCube {
  const facts: BaseCellFacts[] = [];
  for (let base = 0; base < shape.baseCount; base++) {
    const r = random();
    const count =
      r < 0.3 ? 0 : r < 0.6 ? 1 + Math.floor(random() * minCell) : Math.floor(random() * 6 * minCell);
    facts.push({ base, count, escalated: 0, firstResponseMinutes: [], resolutionMinutes: [] });
  }
  return buildWeekCube(shape, week, facts, minCell, maxDims);
}

/** A week of n facts drawn from skewed marginals (a few big channels and topics, rare languages). */
function skewedWeek(
  shape: CubeShape,
  random: () => number,
  n: number,
  minCell: number,
  maxDims: number,
): WeekCube {
  const counts = new Array<number>(shape.baseCount).fill(0);
  const weights = shape.sizes.map((size) => [...Array(size).keys()].map((v) => 1 / (1 + v) ** 1.5));
  for (let i = 0; i < n; i++) {
    let base = 0;
    let stride = 1;
    shape.sizes.forEach((size, d) => {
      const total = weights[d].reduce((a, b) => a + b, 0);
      let r = random() * total;
      let v = 0;
      while (v < size - 1 && r > weights[d][v]) r -= weights[d][v++];
      base += v * stride;
      stride *= size;
    });
    counts[base]++;
  }
  return buildWeekCube(
    shape,
    '2026-W10',
    counts.map((count, base) => ({
      base,
      count,
      escalated: 0,
      firstResponseMinutes: [],
      resolutionMinutes: [],
    })),
    minCell,
    maxDims,
  );
}

/** Every grouping the API answers (at most maxDims fact dimensions), with and without the week, over every contiguous range of weeks. */
function everyTable(shape: CubeShape, dims: TrendDimension[], cubes: WeekCube[], maxDims: number) {
  const keys = ['week', ...dims.map((d) => d.key)];
  const tables: { cubes: WeekCube[]; groupBy: string[]; rows: ReturnType<typeof trendRows> }[] = [];
  for (let from = 0; from < cubes.length; from++) {
    for (let to = from; to < cubes.length; to++) {
      for (let s = 0; s < 1 << keys.length; s++) {
        const groupBy = keys.filter((_, i) => s & (1 << i));
        if (groupBy.filter((k) => k !== 'week').length > maxDims) continue;
        const range = cubes.slice(from, to + 1);
        tables.push({ cubes: range, groupBy, rows: trendRows(shape, dims, range, groupBy) });
      }
    }
  }
  return tables;
}

/** The base-cell variables (week:base) a row counts. */
function variablesOf(
  shape: CubeShape,
  dims: TrendDimension[],
  cubes: WeekCube[],
  row: Record<string, unknown>,
): string[] {
  const code = dims.map((dim, d) =>
    row[dim.key] === undefined ? shape.sizes[d] : dim.values.indexOf(String(row[dim.key])),
  );
  const weeks = row.week === undefined ? cubes.map((c) => c.week) : [String(row.week)];
  const bases = shape.basesUnder(shape.cellOf(code));
  return weeks.flatMap((w) => bases.map((b) => `${w}:${b}`));
}

/**
 * The attacker: every published row is an equation over non-negative base counts; for each
 * suppressed row, linear programming gives the smallest and largest value it can take.
 */
function attack(
  shape: CubeShape,
  dims: TrendDimension[],
  cubes: WeekCube[],
  minCell: number,
  maxDims: number,
  sample = Infinity,
) {
  const constraints: Record<string, { equal: number }> = {};
  const variables: Record<string, Record<string, number>> = {};
  for (const cube of cubes) for (let b = 0; b < shape.baseCount; b++) variables[`${cube.week}:${b}`] = {};
  const targets = new Map<string, string[]>();
  let n = 0;
  for (const table of everyTable(shape, dims, cubes, maxDims)) {
    for (const row of table.rows) {
      const vars = variablesOf(shape, dims, table.cubes, row).sort();
      const id = vars.join(',');
      if (row.suppressed) {
        targets.set(id, vars);
        continue;
      }
      const name = `c${n++}`;
      constraints[name] = { equal: Number(row.count) };
      for (const v of vars) variables[v][name] = 1;
    }
  }
  const widths: number[] = [];
  for (const vars of [...targets.values()].slice(0, sample)) {
    const bound = (opType: 'max' | 'min') => {
      const vs: Record<string, Record<string, number>> = {};
      for (const [v, coeffs] of Object.entries(variables))
        vs[v] = { ...coeffs, objective: vars.includes(v) ? 1 : 0 };
      const result = solver.Solve({ optimize: 'objective', opType, constraints, variables: vs }) as {
        feasible: boolean;
        bounded?: boolean;
        result: number;
      };
      expect(result.feasible).toBe(true);
      return result.bounded === false ? (opType === 'max' ? Infinity : -Infinity) : Number(result.result);
    };
    widths.push(bound('max') - bound('min'));
  }
  return { widths, targets: targets.size, minCell };
}

describe('secondary suppression against a linear-programming attacker', () => {
  const sizes = [2, 3, 2];
  const shape = new CubeShape(sizes);
  const dims = dimensionsFor(sizes);

  it.each([...Array(30).keys()])(
    'random fact table %i: every suppressed cell stays at least minCell wide',
    (seed) => {
      const random = mulberry32(seed + 1);
      const minCell = 3 + Math.floor(random() * 8);
      const weeks = 1 + Math.floor(random() * 3);
      // Half the tables publish every grouping, half at most two dimensions (as the API does).
      const maxDims = seed % 2 ? 2 : 3;
      const cubes = [...Array(weeks).keys()].map((w) =>
        randomWeek(shape, `2026-W0${w + 1}`, random, minCell, maxDims),
      );
      const { widths } = attack(shape, dims, cubes, minCell, maxDims);
      for (const width of widths) expect(width).toBeGreaterThanOrEqual(minCell - 1e-6);
    },
  );

  it('the attacker is not blind: primary suppression alone is broken, and protection still publishes', () => {
    let narrow = 0;
    let published = 0;
    let cells = 0;
    for (let seed = 100; seed < 110; seed++) {
      const random = mulberry32(seed);
      const protectedCube = randomWeek(shape, '2026-W01', random, 5);
      const primaryOnly = {
        ...protectedCube,
        suppressed: Uint8Array.from(protectedCube.counts, (c) => (c < 5 ? 1 : 0)),
      };
      narrow += attack(shape, dims, [primaryOnly], 5, 3).widths.filter((w) => w < 5).length;
      published += protectedCube.suppressed.filter((s) => !s).length;
      cells += shape.cellCount;
    }
    expect(narrow).toBeGreaterThan(0);
    expect(published / cells).toBeGreaterThan(0.2);
  });

  it('holds on the real cube shape (3 channels × 11 topics × 3 languages × 3 sentiments)', () => {
    const real = new CubeShape([3, 11, 3, 3]);
    const random = mulberry32(99);
    const cube = skewedWeek(real, random, 1500, 10, 2);
    const { widths, targets } = attack(real, dimensionsFor([3, 11, 3, 3]), [cube], 10, 2, 25);
    expect(targets).toBeGreaterThan(20);
    expect(
      cube.suppressed.filter((s, cell) => !s && real.masks[cell] === 0b0011).length,
    ).toBeGreaterThanOrEqual(8);
    for (const width of widths) expect(width).toBeGreaterThanOrEqual(10 - 1e-6);
  });

  it('publishes small cells never, and big cells of a well-filled week', () => {
    const cube = buildWeekCube(
      shape,
      '2026-W01',
      [...Array(shape.baseCount).keys()].map((base) => ({
        base,
        count: base === 0 ? 2 : 50,
        escalated: 0,
        firstResponseMinutes: [],
        resolutionMinutes: [],
      })),
      10,
    );
    const rows = trendRows(shape, dims, [cube], ['d0', 'd1', 'd2']);
    expect(rows[0]).toEqual({ d0: 'v0', d1: 'v0', d2: 'v0', count: null, suppressed: true });
    expect(rows.filter((r) => r.suppressed).length).toBeGreaterThanOrEqual(4); // a hypercube around it
    expect(rows.filter((r) => !r.suppressed).length).toBeGreaterThan(0);
    expect(trendRows(shape, dims, [cube], [])[0]).toMatchObject({ count: 2 + 50 * 11 });
  });
});

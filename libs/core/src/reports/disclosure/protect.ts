import { CubeShape } from './cube';

/**
 * Primary and secondary suppression of one cube (one ISO week of facts), such that no suppressed
 * cell can be narrowed to an interval shorter than `minCell` by any combination of the published
 * cells of any grouping (linear programming over non-negative counts included).
 *
 * Primary: every cell below `minCell` (zero included). Closure: a suppressed cell suppresses every
 * finer cell under it (its parts are at most as large and publishing them would rebuild it).
 * Secondary: each suppressed cell c (fixing the dimensions G) needs a certificate, a set of
 * perturbations of the base counts that keeps every published cell unchanged, keeps every count
 * non-negative and moves c by at least `minCell` in total. A perturbation is a hypercube: a set S
 * of c's dimensions, an alternative value for each, the 2^|S| corners on S (sign by parity) with
 * c's other fixed values, spread over the unfixed dimensions E with one shared distribution. Every
 * cell of a grouping that lacks a dimension of S sums a +/- pair and does not move; every cell that
 * moves is a finer cell under a corner on S. So the perturbation is invisible when the 2^|S| corner
 * cells on S are suppressed (closure does the rest). Its room is, upwards, the sum over E of the
 * smallest "-" corner (shared distribution), downwards the same over "+" corners; up-moves with
 * disjoint "-" base cells add up. The interval of c then contains [c - down, c + up].
 * Cells without enough room get the cheapest hypercube's corners suppressed, and so on until every
 * suppressed cell is certified; if no hypercube can give the room, the whole week is suppressed.
 */
export function protectCube(shape: CubeShape, counts: Int32Array, minCell: number): Uint8Array {
  const suppressed = new Uint8Array(shape.cellCount);
  const work: number[] = [];
  const suppress = (cell: number): void => {
    if (suppressed[cell]) return;
    suppressed[cell] = 1;
    work.push(cell);
    for (let d = 0; d < shape.dims; d++) {
      if (shape.codes[cell * shape.dims + d] !== shape.sizes[d]) continue;
      for (let v = 0; v < shape.sizes[d]; v++) suppress(cell + (v - shape.sizes[d]) * shape.strides[d]);
    }
  };
  for (let cell = 0; cell < shape.cellCount; cell++) if (counts[cell] < minCell) suppress(cell);
  const baseCounts = new Int32Array(shape.baseCount);
  for (let b = 0; b < shape.baseCount; b++) baseCounts[b] = counts[shape.baseCells[b]];

  while (work.length) {
    if (suppressed[shape.total]) break; // everything is suppressed: nothing is published
    const cell = work.pop()!;
    for (;;) {
      const candidates = hypercubes(shape, baseCounts, cell);
      const current = room(candidates, suppressed);
      if (current.up + current.down >= minCell) break;
      const next = cheapest(candidates, suppressed, counts, current, minCell);
      if (!next) {
        suppress(shape.total);
        break;
      }
      for (const corner of next.corners) suppress(corner);
    }
  }
  return suppressed;
}

interface Hypercube {
  /** Corner cells on S (only the dimensions of S fixed). */
  corners: number[];
  up: number;
  down: number;
  /** Base cells the upward move lowers: up-moves combine only when these are disjoint. */
  lowered: number[];
}

/** Every hypercube through `cell`: each non-empty subset S of its fixed dimensions, each choice of alternatives. */
function hypercubes(shape: CubeShape, baseCounts: Int32Array, cell: number): Hypercube[] {
  const { dims, sizes } = shape;
  const code = shape.code(cell);
  const fixed = [...Array(dims).keys()].filter((d) => code[d] < sizes[d]);
  const free = [...Array(dims).keys()].filter((d) => code[d] === sizes[d]);
  const spread = expand(free.map((d) => sizes[d]));
  const out: Hypercube[] = [];
  for (let s = 1; s < 1 << fixed.length; s++) {
    const flip = fixed.filter((_, i) => s & (1 << i));
    for (const alts of alternatives(flip.map((d) => sizes[d]), flip.map((d) => code[d]))) {
      const corners: number[] = [];
      const plus: number[][] = [];
      const minus: number[][] = [];
      for (let t = 0; t < 1 << flip.length; t++) {
        const corner = code.slice();
        const onS = sizes.map((size) => size); // ALL everywhere …
        let parity = 0;
        flip.forEach((d, i) => {
          const v = t & (1 << i) ? alts[i] : code[d];
          if (t & (1 << i)) parity ^= 1;
          corner[d] = v;
          onS[d] = v; // … but on S
        });
        corners.push(shape.cellOf(onS));
        const bases = spread.map((e) => {
          free.forEach((d, i) => (corner[d] = e[i]));
          return baseIndex(shape, corner);
        });
        (parity ? minus : plus).push(bases);
      }
      const lowered: number[] = [];
      let up = 0;
      let down = 0;
      for (let e = 0; e < spread.length; e++) {
        let lo = Infinity;
        for (const bases of minus) lo = Math.min(lo, baseCounts[bases[e]]);
        if (lo > 0) {
          up += lo;
          for (const bases of minus) lowered.push(bases[e]);
        }
        let hi = Infinity;
        for (const bases of plus) hi = Math.min(hi, baseCounts[bases[e]]);
        down += hi;
      }
      out.push({ corners, up, down, lowered });
    }
  }
  return out;
}

interface Room {
  up: number;
  down: number;
  used: Set<number>;
}

/** Upward room of disjoint valid hypercubes (largest first) plus the best downward room. */
function room(candidates: Hypercube[], suppressed: Uint8Array): Room {
  const valid = candidates.filter((h) => h.corners.every((c) => suppressed[c]));
  const used = new Set<number>();
  let down = 0;
  for (const h of valid) down = Math.max(down, h.down);
  let up = 0;
  for (const h of valid.sort((a, b) => b.up - a.up)) {
    if (h.up === 0 || h.lowered.some((b) => used.has(b))) continue;
    h.lowered.forEach((b) => used.add(b));
    up += h.up;
  }
  return { up, down, used };
}

/**
 * The not-yet-valid hypercube whose suppression adds the most room per newly suppressed count
 * (published cells hidden), or null when none adds any room.
 */
function cheapest(candidates: Hypercube[], suppressed: Uint8Array, counts: Int32Array, current: Room, minCell: number): Hypercube | null {
  const have = current.up + current.down;
  let best: Hypercube | null = null;
  let bestScore = Infinity;
  for (const h of candidates) {
    if (h.corners.every((c) => suppressed[c])) continue;
    const disjoint = h.up > 0 && !h.lowered.some((b) => current.used.has(b));
    const gain = Math.min((disjoint ? h.up : 0) + Math.max(0, h.down - current.down), minCell - have);
    if (gain <= 0) continue;
    let cost = 0;
    for (const c of h.corners) if (!suppressed[c]) cost += counts[c] + 1;
    const score = cost / gain;
    if (score < bestScore) {
      bestScore = score;
      best = h;
    }
  }
  return best;
}

function baseIndex(shape: CubeShape, code: number[]): number {
  let index = 0;
  let stride = 1;
  for (let d = 0; d < shape.dims; d++) {
    index += code[d] * stride;
    stride *= shape.sizes[d];
  }
  return index;
}

/** All value combinations for dimensions of the given sizes. */
function expand(sizes: number[]): number[][] {
  let out: number[][] = [[]];
  for (const size of sizes) out = out.flatMap((prefix) => [...Array(size).keys()].map((v) => [...prefix, v]));
  return out;
}

/** All choices of one alternative value (different from `current`) per dimension. */
function alternatives(sizes: number[], current: number[]): number[][] {
  let out: number[][] = [[]];
  sizes.forEach((size, i) => {
    const values = [...Array(size).keys()].filter((v) => v !== current[i]);
    out = out.flatMap((prefix) => values.map((v) => [...prefix, v]));
  });
  return out;
}

import { CubeShape } from './cube';

/**
 * Primary and secondary suppression of one cube (one ISO week of facts), such that no suppressed
 * cell can be narrowed to an interval shorter than `minCell` by any combination of the published
 * cells of any grouping (linear programming over non-negative counts included).
 *
 * Only groupings of at most `maxDimensions` dimensions are published; finer cells are never shown
 * (suppressed without a certificate: they are not cells of any table).
 *
 * Primary: every cell below `minCell`, zero included. Secondary: every suppressed cell c needs a
 * certificate, a set of moves of the base counts that keep every published cell unchanged, keep
 * every count non-negative and together move c by at least `minCell`. A move is a signed pattern of
 * cells of c's grouping (a hypercube: 2^|S| cells differing from c on a set S of its dimensions,
 * sign by parity; or a swap with one cell differing on two or more dimensions), spread over the
 * dimensions c leaves open either in proportion to the cells it lowers or on a single combination.
 * The move's effect on every cell of every grouping is computed exactly; the move is valid when
 * every cell it changes is suppressed. Its room is how far it can go before a lowered base count
 * reaches zero. Up-moves that lower disjoint base cells add up; the best down-move adds to that;
 * the interval of c then contains [c - down, c + up]. Cells without enough room get the cells of
 * their cheapest move suppressed (least published count hidden per unit of room), and those cells
 * are certified in turn. Suppression only grows and a valid move stays valid, so this ends, with
 * every suppressed cell certified. Swaps over all cells of c's grouping give room total - c, so
 * only a week whose total is below minCell ends up suppressed whole.
 */
export function protectCube(
  shape: CubeShape,
  counts: Int32Array,
  minCell: number,
  maxDimensions = shape.dims,
): Uint8Array {
  const suppressed = new Uint8Array(shape.cellCount);
  const work: number[] = [];
  const suppress = (cell: number): void => {
    if (suppressed[cell]) return;
    suppressed[cell] = 1;
    work.push(cell);
  };
  for (let cell = 0; cell < shape.cellCount; cell++) {
    if (level(shape, cell) > maxDimensions) suppressed[cell] = 1;
    else if (counts[cell] < minCell) suppress(cell);
  }
  if (suppressed[shape.total]) return suppressed.fill(1);
  const baseCounts = new Int32Array(shape.baseCount);
  for (let b = 0; b < shape.baseCount; b++) baseCounts[b] = counts[shape.baseCells[b]];

  while (work.length) {
    const cell = work.pop()!;
    const moves = movesFor(shape, baseCounts, cell);
    for (;;) {
      const current = room(moves, suppressed);
      if (current.up + current.down >= minCell) break;
      const next = cheapest(moves, suppressed, counts, current, minCell);
      if (!next) return suppressed.fill(1); // cannot happen while the total reaches minCell
      for (const c of next.affected) suppress(c);
    }
  }
  return suppressed;
}

interface Move {
  /** Every cell (any grouping) the move changes. */
  affected: Int32Array;
  room: number;
  up: boolean;
  /** Base cells the move lowers while moving c up: up-moves combine only when these are disjoint. */
  lowered: Int32Array;
}

/** How many single combinations of c's open dimensions a move is also tried on. */
const CONCENTRATED = 3;

function movesFor(shape: CubeShape, baseCounts: Int32Array, cell: number): Move[] {
  const { dims, sizes } = shape;
  const code = shape.code(cell);
  const fixed = [...Array(dims).keys()].filter((d) => code[d] < sizes[d]);
  const open = [...Array(dims).keys()].filter((d) => code[d] === sizes[d]);
  const spread = expand(open.map((d) => sizes[d]));
  const patterns: { code: number[]; sign: number }[][] = [];
  // Hypercubes over every non-empty subset S of c's dimensions.
  for (let s = 1; s < 1 << fixed.length; s++) {
    const flip = fixed.filter((_, i) => s & (1 << i));
    for (const alts of alternatives(
      flip.map((d) => sizes[d]),
      flip.map((d) => code[d]),
    )) {
      const corners: { code: number[]; sign: number }[] = [];
      for (let t = 0; t < 1 << flip.length; t++) {
        const corner = code.slice();
        let sign = 1;
        flip.forEach((d, i) => {
          if (t & (1 << i)) {
            corner[d] = alts[i];
            sign = -sign;
          }
        });
        corners.push({ code: corner, sign });
      }
      patterns.push(corners);
    }
  }
  // Swaps with cells differing on two or more dimensions.
  for (const other of expand(fixed.map((d) => sizes[d]))) {
    if (fixed.filter((d, i) => other[i] !== code[d]).length < 2) continue;
    const target = code.slice();
    fixed.forEach((d, i) => (target[d] = other[i]));
    patterns.push([
      { code, sign: 1 },
      { code: target, sign: -1 },
    ]);
  }
  const moves: Move[] = [];
  for (const corners of patterns) {
    const bases = corners.map((k) =>
      spread.map((e) => {
        const full = k.code.slice();
        open.forEach((d, i) => (full[d] = e[i]));
        return baseIndex(shape, full);
      }),
    );
    for (const up of [true, false]) {
      // Moving c up lowers the "-" cells; moving it down lowers the "+" cells.
      const lowering = corners.map((k, i) => (k.sign < 0 === up ? i : -1)).filter((i) => i >= 0);
      const mins = spread.map((_, e) => Math.min(...lowering.map((i) => baseCounts[bases[i][e]])));
      const options: { weights: number[]; room: number }[] = [{ weights: mins, room: sum(mins) }];
      const best = [...mins.keys()].filter((e) => mins[e] > 0).sort((a, b) => mins[b] - mins[a]);
      if (spread.length > 1) {
        for (const e of best.slice(0, CONCENTRATED)) {
          options.push({ weights: mins.map((_, i) => (i === e ? 1 : 0)), room: mins[e] });
        }
      }
      for (const { weights, room: r } of options) {
        if (r <= 0) continue;
        moves.push(effect(shape, corners, bases, weights, r, up));
      }
    }
  }
  return moves;
}

/** The cells a move changes (exact integer aggregates over every grouping) and the base cells it lowers. */
function effect(
  shape: CubeShape,
  corners: { sign: number }[],
  bases: number[][],
  weights: number[],
  room: number,
  up: boolean,
): Move {
  const subsets = 1 << shape.dims;
  const ancestors = shape.ancestors;
  const delta = scratch(shape);
  const touched: number[] = [];
  const lowered: number[] = [];
  corners.forEach((k, i) => {
    weights.forEach((w, e) => {
      if (!w) return;
      const base = bases[i][e];
      if (k.sign < 0 === up) lowered.push(base);
      for (let s = 0; s < subsets; s++) {
        const c = ancestors[base * subsets + s];
        if (delta[c] === 0) touched.push(c);
        delta[c] += k.sign * w;
      }
    });
  });
  const affected: number[] = [];
  for (const c of touched) {
    if (delta[c] !== 0) affected.push(c);
    delta[c] = 0;
  }
  return { affected: Int32Array.from(new Set(affected)), room, up, lowered: Int32Array.from(lowered) };
}

const scratchByShape = new WeakMap<CubeShape, Float64Array>();

/** A zeroed per-shape buffer (left zeroed after each use). */
function scratch(shape: CubeShape): Float64Array {
  let buffer = scratchByShape.get(shape);
  if (!buffer) scratchByShape.set(shape, (buffer = new Float64Array(shape.cellCount)));
  return buffer;
}

interface Room {
  up: number;
  down: number;
  used: Set<number>;
}

function valid(move: Move, suppressed: Uint8Array): boolean {
  for (const c of move.affected) if (!suppressed[c]) return false;
  return true;
}

/** Upward room of valid up-moves with disjoint lowered cells (largest first), plus the best valid down-move. */
function room(moves: Move[], suppressed: Uint8Array): Room {
  const used = new Set<number>();
  let up = 0;
  let down = 0;
  const ups: Move[] = [];
  for (const m of moves) {
    if (!valid(m, suppressed)) continue;
    if (m.up) ups.push(m);
    else down = Math.max(down, m.room);
  }
  for (const m of ups.sort((a, b) => b.room - a.room)) {
    if (m.lowered.some((b) => used.has(b))) continue;
    m.lowered.forEach((b) => used.add(b));
    up += m.room;
  }
  return { up, down, used };
}

/** The invalid move adding the most room per published count it would hide; null if none adds room. */
function cheapest(
  moves: Move[],
  suppressed: Uint8Array,
  counts: Int32Array,
  current: Room,
  minCell: number,
): Move | null {
  const have = current.up + current.down;
  let best: Move | null = null;
  let bestScore = Infinity;
  for (const m of moves) {
    if (valid(m, suppressed)) continue;
    const gain = Math.min(
      m.up ? (m.lowered.some((b) => current.used.has(b)) ? 0 : m.room) : Math.max(0, m.room - current.down),
      minCell - have,
    );
    if (gain <= 0) continue;
    let hidden = 0;
    for (const c of m.affected) if (!suppressed[c]) hidden += counts[c] + 1;
    const score = hidden / gain;
    if (score < bestScore) {
      bestScore = score;
      best = m;
    }
  }
  return best;
}

function sum(values: number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
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

function level(shape: CubeShape, cell: number): number {
  let n = 0;
  for (let m = shape.masks[cell]; m; m >>= 1) n += m & 1;
  return n;
}

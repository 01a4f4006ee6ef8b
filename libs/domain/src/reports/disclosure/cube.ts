/**
 * A frequency cube over a few categorical dimensions with every margin: a cell fixes some
 * dimensions to a value and leaves the others at ALL. Cells are numbered in mixed radix with
 * radix size+1 per dimension (the extra digit is ALL), so every grouping of every subset of
 * dimensions lives in one flat array.
 */
export class CubeShape {
  readonly dims: number;
  readonly strides: number[];
  readonly cellCount: number;
  readonly baseCount: number;
  /** codes[cell * dims + d]: the value of dimension d, or sizes[d] for ALL. */
  readonly codes: Int16Array;
  /** Bit d set when the cell fixes dimension d. */
  readonly masks: Uint8Array;
  /** Cube cell of each base cell (all dimensions fixed), in base order. */
  readonly baseCells: Int32Array;

  constructor(readonly sizes: readonly number[]) {
    this.dims = sizes.length;
    this.strides = [];
    let stride = 1;
    for (const size of sizes) {
      this.strides.push(stride);
      stride *= size + 1;
    }
    this.cellCount = stride;
    this.baseCount = sizes.reduce((a, b) => a * b, 1);
    this.codes = new Int16Array(this.cellCount * this.dims);
    this.masks = new Uint8Array(this.cellCount);
    this.baseCells = new Int32Array(this.baseCount);
    for (let cell = 0; cell < this.cellCount; cell++) {
      let rest = cell;
      let mask = 0;
      for (let d = 0; d < this.dims; d++) {
        const v = rest % (sizes[d] + 1);
        rest = (rest - v) / (sizes[d] + 1);
        this.codes[cell * this.dims + d] = v;
        if (v < sizes[d]) mask |= 1 << d;
      }
      this.masks[cell] = mask;
    }
    for (let base = 0; base < this.baseCount; base++) this.baseCells[base] = this.cellOf(this.baseCode(base));
  }

  /** The grand total: every dimension at ALL. */
  get total(): number {
    return this.cellCount - 1;
  }

  code(cell: number): number[] {
    return Array.from(this.codes.subarray(cell * this.dims, (cell + 1) * this.dims));
  }

  /** `code[d]` is a value or sizes[d] (ALL). */
  cellOf(code: readonly number[]): number {
    let cell = 0;
    for (let d = 0; d < this.dims; d++) cell += code[d] * this.strides[d];
    return cell;
  }

  baseCode(base: number): number[] {
    const code: number[] = [];
    let rest = base;
    for (const size of this.sizes) {
      code.push(rest % size);
      rest = Math.floor(rest / size);
    }
    return code;
  }

  private ancestorTable?: Int32Array;

  /** The 2^dims cells a base cell counts in (itself and all its margins), as a flat table. */
  get ancestors(): Int32Array {
    if (this.ancestorTable) return this.ancestorTable;
    const subsets = 1 << this.dims;
    const table = new Int32Array(this.baseCount * subsets);
    for (let base = 0; base < this.baseCount; base++) {
      const cell = this.baseCells[base];
      for (let s = 0; s < subsets; s++) {
        let target = cell;
        for (let d = 0; d < this.dims; d++) {
          if (s & (1 << d)) target += (this.sizes[d] - this.codes[cell * this.dims + d]) * this.strides[d];
        }
        table[base * subsets + s] = target;
      }
    }
    return (this.ancestorTable = table);
  }

  /** Counts of every cell from the counts of the base cells (base order). */
  aggregate(baseCounts: ArrayLike<number>): Int32Array {
    const counts = new Int32Array(this.cellCount);
    const subsets = 1 << this.dims;
    for (let base = 0; base < this.baseCount; base++) {
      const n = baseCounts[base];
      if (!n) continue;
      const cell = this.baseCells[base];
      // Every ancestor: replace any subset of the fixed values by ALL.
      for (let s = 0; s < subsets; s++) {
        let target = cell;
        for (let d = 0; d < this.dims; d++) {
          if (s & (1 << d)) target += (this.sizes[d] - this.codes[cell * this.dims + d]) * this.strides[d];
        }
        counts[target] += n;
      }
    }
    return counts;
  }

  /** Base cells (base order) under a cell, i.e. the facts it counts. */
  basesUnder(cell: number): number[] {
    let bases = [0];
    let baseStride = 1;
    for (let d = 0; d < this.dims; d++) {
      const v = this.codes[cell * this.dims + d];
      const values = v < this.sizes[d] ? [v] : [...Array(this.sizes[d]).keys()];
      const next: number[] = [];
      for (const b of bases) for (const value of values) next.push(b + value * baseStride);
      bases = next;
      baseStride *= this.sizes[d];
    }
    return bases;
  }

  /** Cells of one grouping (the dimensions in `mask` fixed, the others ALL), in cube order. */
  cellsOfGrouping(mask: number): number[] {
    const cells: number[] = [];
    for (let cell = 0; cell < this.cellCount; cell++) if (this.masks[cell] === mask) cells.push(cell);
    return cells;
  }
}

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A positive number from the environment (a benchmark knob), or the default. */
export function envNumber(name: string, dflt: number): number {
  const v = Number(process.env[name]);
  return Number.isFinite(v) && v > 0 ? v : dflt;
}

/**
 * Writes `<BENCH_RESULTS_DIR>/<BENCH_NAME>.json` (defaults: bench/results, the benchmark's own
 * name), the file `npm run bench` reads its summary table from.
 */
export function writeResults(
  defaultName: string,
  result: { rows: unknown[] } & Record<string, unknown>,
): void {
  const dir = process.env.BENCH_RESULTS_DIR ?? join(process.cwd(), 'bench', 'results');
  const name = process.env.BENCH_NAME ?? defaultName;
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), JSON.stringify({ name, ...result }, null, 2) + '\n');
}

/** One row of a benchmark's results file (and of `npm run bench`'s summary table). */
export interface ResultRow {
  metric: string;
  value: number | null;
  unit: string;
  target: string | null;
}

/** Appends a row, the value rounded to two decimals (null when not a finite number). */
export function addRow(
  rows: ResultRow[],
  metric: string,
  value: number,
  unit: string,
  target: string | null = null,
): void {
  rows.push({ metric, value: Number.isFinite(value) ? Number(value.toFixed(2)) : null, unit, target });
}

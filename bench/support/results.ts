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

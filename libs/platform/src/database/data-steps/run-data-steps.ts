import { Client } from 'pg';
import { unwrapDataKey } from '../../crypto/envelope';
import { DataStep, DataStepContext } from './data-step';
import { DATA_STEPS } from '.';

async function withContext<T>(
  mainUrl: string,
  keysUrl: string,
  dataKey: Buffer | undefined,
  run: (main: Client, ctx: DataStepContext | null) => Promise<T>,
): Promise<T> {
  const main = new Client({ connectionString: mainUrl });
  await main.connect();
  const keys = dataKey ? new Client({ connectionString: keysUrl }) : null;
  try {
    if (!keys || !dataKey) return await run(main, null);
    await keys.connect();
    const loadDataKeys = async (ids: string[]) => {
      const { rows } = await keys.query<{ id: string; wrapped: Buffer }>(
        `SELECT id, wrapped FROM data_keys WHERE id = ANY($1::uuid[])`,
        [[...new Set(ids)]],
      );
      return new Map(rows.map((r) => [r.id, unwrapDataKey(dataKey, r.wrapped, r.id)]));
    };
    return await run(main, { main, dataKey, loadDataKeys });
  } finally {
    await Promise.all([main.end(), keys?.end()]);
  }
}

/**
 * Applies the data steps not yet recorded, in order. Without the master key only steps with
 * nothing to change (a fresh database) can be recorded; any other stops with an error naming it.
 * Returns the names applied.
 */
export async function runDataSteps(
  mainUrl: string,
  keysUrl: string,
  dataKey: Buffer | undefined,
  steps: DataStep[] = DATA_STEPS,
): Promise<string[]> {
  return withContext(mainUrl, keysUrl, dataKey, async (main, ctx) => {
    const { rows } = await main.query<{ name: string }>(`SELECT name FROM data_steps`);
    const done = new Set(rows.map((r) => r.name));
    const applied: string[] = [];
    for (const step of steps.filter((s) => !done.has(s.name))) {
      if (ctx) await step.up(ctx);
      else if (!(await step.isNoop(main))) {
        throw new Error(`data step ${step.name} re-encrypts existing rows: run it with DATA_KEY set`);
      }
      await main.query(`INSERT INTO data_steps (name) VALUES ($1) ON CONFLICT DO NOTHING`, [step.name]);
      applied.push(step.name);
    }
    return applied;
  });
}

/** The explicit down of one applied data step (before going back to the release that preceded it). */
export async function revertDataStep(
  mainUrl: string,
  keysUrl: string,
  dataKey: Buffer,
  name: string,
  steps: DataStep[] = DATA_STEPS,
): Promise<number> {
  const step = steps.find((s) => s.name === name);
  if (!step) throw new Error(`no data step named ${name}`);
  return withContext(mainUrl, keysUrl, dataKey, async (main, ctx) => {
    const { rowCount } = await main.query(`SELECT 1 FROM data_steps WHERE name = $1`, [name]);
    if (!rowCount || !ctx) return 0;
    const changed = await step.down(ctx);
    await main.query(`DELETE FROM data_steps WHERE name = $1`, [name]);
    return changed;
  });
}

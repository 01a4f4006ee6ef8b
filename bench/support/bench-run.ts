import { runMigrations } from '../../libs/platform/src/database/migrate';
import type { AppProcess } from '../../test/support/processes';
import { cleanUpOnSignal, createDatabase, deleteRedisKeys, dropDatabase, scratchNames } from './scratch';

export interface BenchRun extends ReturnType<typeof scratchNames> {
  /** True once Ctrl-C or a kill arrived: load loops end early. */
  readonly stopping: boolean;
  /** Runs `fn` at clean-up, before what was registered earlier; its failure is ignored. */
  onCleanup(fn: () => unknown): void;
  /** Kills `app` at clean-up (apps started later are killed first); returns it. */
  app<T extends AppProcess>(app: T): T;
}

/**
 * The frame every benchmark's main shares: a throwaway database (migrated) and Redis prefix, then
 * `body`; clean-up of what it registered, the database (kept with BENCH_KEEP_DB=1) and the Redis
 * keys on success, failure, Ctrl-C or kill; exit code 0, or 1 with the error.
 *
 * @param names `scratch` names the database (`webcare_bench_<scratch>_…`), `bench` the failure message.
 */
export function runBench(
  names: { scratch: string; bench: string },
  body: (run: BenchRun) => Promise<void>,
): void {
  const scratch = scratchNames(names.scratch);
  const cleanups: (() => unknown)[] = [];
  let dbCreated = false;
  const cleanup = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      await Promise.resolve()
        .then(fn)
        .catch(() => undefined);
    }
    if (dbCreated && process.env.BENCH_KEEP_DB !== '1')
      await dropDatabase(scratch.adminUrl.toString(), scratch.dbName);
    else if (dbCreated) process.stdout.write(`kept database ${scratch.dbName}\n`);
    await deleteRedisKeys(scratch.redisUrl, scratch.redisPrefix);
  };
  const signal = cleanUpOnSignal(cleanup);
  const run: BenchRun = {
    ...scratch,
    get stopping() {
      return signal.stopping;
    },
    onCleanup: (fn) => void cleanups.push(fn),
    app: (app) => {
      cleanups.push(() => app.kill());
      return app;
    },
  };
  const main = async () => {
    try {
      await createDatabase(scratch.adminUrl.toString(), scratch.dbName);
      dbCreated = true;
      await runMigrations(scratch.dbUrl.toString());
      await body(run);
    } finally {
      await cleanup();
    }
  };
  main().then(
    () => process.exit(0),
    (err: Error) => {
      process.stderr.write(`${names.bench} bench failed: ${err.stack ?? err.message}\n`);
      process.exit(1);
    },
  );
}

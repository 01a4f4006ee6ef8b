import { Client } from 'pg';

/** What a data step gets: the main database and the keys (which TypeORM migrations never see). */
export interface DataStepContext {
  main: Client;
  /** The master key (DATA_KEY): purpose keys derive from it, data keys unwrap with it. */
  dataKey: Buffer;
  /** Unwrapped data keys by id; shredded ones are absent. */
  loadDataKeys(ids: string[]): Promise<Map<string, Buffer>>;
}

/**
 * A versioned change to existing rows that needs the keys, run by `npm run migrate` after the
 * schema migrations and recorded in `data_steps`, so it runs once. `up` and `down` must each be
 * safe to run again (row by row), so an interrupted run simply resumes.
 */
export interface DataStep {
  name: string;
  /** True when the database holds nothing the step would change (a fresh install: no key needed). */
  isNoop(main: Client): Promise<boolean>;
  up(ctx: DataStepContext): Promise<number>;
  down(ctx: DataStepContext): Promise<number>;
}

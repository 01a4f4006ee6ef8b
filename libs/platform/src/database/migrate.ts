import { Client } from 'pg';
import { defaultKeysDatabaseUrl } from '../config/app-config';
import { grantAppRole } from './app-role-grants';
import { revertDataStep, runDataSteps } from './data-steps/run-data-steps';
import { createDataSource } from './data-source';
import { ensureKeyStore, moveKeysOutOfMainDatabase } from './key-store-schema';

/** Arbitrary constant: every migrator takes the same session-level advisory lock. */
const MIGRATION_LOCK = 7_240_917;

export interface MigrationOptions {
  /** The apps' role when it is not the owner running this: granted data access only. */
  appRole?: string;
  /** The master key (DATA_KEY), for data steps that re-encrypt existing rows. */
  dataKey?: Buffer;
}

async function underLock<T>(databaseUrl: string, run: () => Promise<T>): Promise<T> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    return await run();
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

/**
 * Applies pending migrations to the main database and prepares the key store (creating its
 * database when allowed, moving an older install's keys into it), then the pending data steps
 * (data-steps/). Concurrent callers wait on the lock, then find nothing to do.
 */
export async function migrate(
  databaseUrl: string,
  keysDatabaseUrl: string = defaultKeysDatabaseUrl(databaseUrl),
  options: MigrationOptions = {},
): Promise<{ schema: string[]; data: string[] }> {
  return underLock(databaseUrl, async () => {
    await ensureKeyStore(keysDatabaseUrl);
    await moveKeysOutOfMainDatabase(databaseUrl, keysDatabaseUrl);
    const ds = createDataSource(databaseUrl);
    await ds.initialize();
    let schema: string[];
    try {
      schema = (await ds.runMigrations({ transaction: 'all' })).map((m) => m.name);
    } finally {
      await ds.destroy();
    }
    const data = await runDataSteps(databaseUrl, keysDatabaseUrl, options.dataKey);
    if (options.appRole) await grantAppRole(databaseUrl, keysDatabaseUrl, options.appRole);
    return { schema, data };
  });
}

/** The schema migrations applied (see migrate). */
export async function runMigrations(
  databaseUrl: string,
  keysDatabaseUrl?: string,
  appRole?: string,
  dataKey?: Buffer,
): Promise<string[]> {
  return (await migrate(databaseUrl, keysDatabaseUrl, { appRole, dataKey })).schema;
}

/** Undoes one data step under the migration lock; returns how many values it changed back. */
export async function undoDataStep(
  databaseUrl: string,
  keysDatabaseUrl: string,
  dataKey: Buffer,
  name: string,
): Promise<number> {
  return underLock(databaseUrl, () => revertDataStep(databaseUrl, keysDatabaseUrl, dataKey, name));
}

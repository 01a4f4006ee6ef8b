import { Client } from 'pg';
import { defaultKeysDatabaseUrl } from '../config/app-config';
import { grantAppRole } from './app-role-grants';
import { createDataSource } from './data-source';
import { ensureKeyStore, moveKeysOutOfMainDatabase } from './key-store-schema';

/** Arbitrary constant: every migrator takes the same session-level advisory lock. */
const MIGRATION_LOCK = 7_240_917;

/**
 * Applies pending migrations to the main database and prepares the key store (creating its
 * database when allowed, moving an older install's keys into it). Concurrent callers wait on the
 * lock, then find nothing to do.
 */
export async function runMigrations(
  databaseUrl: string,
  keysDatabaseUrl: string = defaultKeysDatabaseUrl(databaseUrl),
  /** The apps' role when it is not the owner running this: granted data access only. */
  appRole?: string,
): Promise<string[]> {
  const lock = new Client({ connectionString: databaseUrl });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await ensureKeyStore(keysDatabaseUrl);
    await moveKeysOutOfMainDatabase(databaseUrl, keysDatabaseUrl);
    const ds = createDataSource(databaseUrl);
    await ds.initialize();
    try {
      const applied = await ds.runMigrations({ transaction: 'all' });
      if (appRole) await grantAppRole(databaseUrl, keysDatabaseUrl, appRole);
      return applied.map((m) => m.name);
    } finally {
      await ds.destroy();
    }
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    await lock.end();
  }
}

import { loadConfigOrExit } from '../config/app-config';
import { asOwner, roleOf } from './app-role-grants';
import { runMigrations } from './migrate';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The owner migrates both databases; the apps' role (DATABASE_URL's user) gets data access only.
  const owner = config.migrationDatabaseUrl;
  const appRole = roleOf(config.databaseUrl);
  const applied = await runMigrations(
    owner,
    asOwner(config.keysDatabaseUrl, owner),
    appRole === roleOf(owner) ? undefined : appRole,
  );
  process.stdout.write(
    applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'No pending migrations\n',
  );
}

main().catch((err: Error) => {
  process.stderr.write(`Migration failed: ${err.message}\n`);
  process.exit(1);
});

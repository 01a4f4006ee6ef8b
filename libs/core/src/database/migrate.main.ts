import { loadConfigOrExit } from '../config/app-config';
import { runMigrations } from './migrate';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const applied = await runMigrations(config.migrationDatabaseUrl, config.keysDatabaseUrl);
  process.stdout.write(
    applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'No pending migrations\n',
  );
}

main().catch((err: Error) => {
  process.stderr.write(`Migration failed: ${err.message}\n`);
  process.exit(1);
});

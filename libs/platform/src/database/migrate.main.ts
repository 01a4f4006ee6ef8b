import { loadConfigOrExit } from '../config/app-config';
import { asOwner, roleOf } from './app-role-grants';
import { migrate, undoDataStep } from './migrate';

/** `npm run migrate`, or `npm run migrate -- --undo-data-step <name>` before going back a release. */
async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // The owner migrates both databases; the apps' role (DATABASE_URL's user) gets data access only.
  const owner = config.migrationDatabaseUrl;
  const keys = asOwner(config.keysDatabaseUrl, owner);
  const undo = process.argv.indexOf('--undo-data-step');
  if (undo >= 0) {
    const name = process.argv[undo + 1];
    if (!name) throw new Error('--undo-data-step needs the step name');
    const changed = await undoDataStep(owner, keys, config.dataKey, name);
    process.stdout.write(`Undid data step ${name} (${changed} values re-sealed)\n`);
    return;
  }
  const appRole = roleOf(config.databaseUrl);
  const { schema, data } = await migrate(owner, keys, {
    appRole: appRole === roleOf(owner) ? undefined : appRole,
    dataKey: config.dataKey,
  });
  const applied = [...schema, ...data];
  process.stdout.write(
    applied.length ? `Applied migrations: ${applied.join(', ')}\n` : 'No pending migrations\n',
  );
}

main().catch((err: Error) => {
  process.stderr.write(`Migration failed: ${err.message}\n`);
  process.exit(1);
});

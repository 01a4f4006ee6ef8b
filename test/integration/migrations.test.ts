import { randomBytes } from 'node:crypto';
import { createDataSource, runMigrations } from '../../libs/platform/src';
import { MIGRATIONS } from '../../libs/platform/src/database/migrations';
import { createDatabase, dropDatabase } from '../support/databases';

jest.setTimeout(60_000);

describe('migrations', () => {
  const name = `webcare_mig_${randomBytes(4).toString('hex')}`;
  const admin = process.env.TEST_ADMIN_DATABASE_URL!;
  const url = (() => {
    const u = new URL(process.env.TEST_DATABASE_URL!);
    u.pathname = `/${name}`;
    return u.toString();
  })();

  beforeAll(async () => {
    await createDatabase(admin, name);
  });

  afterAll(async () => {
    await dropDatabase(admin, name);
  });

  it('applies once when several migrators race, and reverts cleanly', async () => {
    const results = await Promise.all([runMigrations(url), runMigrations(url), runMigrations(url)]);
    expect(results.flat()).toHaveLength(MIGRATIONS.length);

    const ds = createDataSource(url);
    await ds.initialize();
    const tables = async () =>
      (
        await ds.query(
          `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`,
        )
      ).length;
    expect(await tables()).toBeGreaterThanOrEqual(11);
    expect(ds.options.synchronize).toBe(false);
    for (let i = 0; i < MIGRATIONS.length; i++) await ds.undoLastMigration();
    expect(await tables()).toBe(0);
    await ds.destroy();
    expect(await runMigrations(url)).toHaveLength(MIGRATIONS.length);
  });
});

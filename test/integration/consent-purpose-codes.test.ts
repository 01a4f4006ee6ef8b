import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createDataSource, runMigrations } from '../../libs/platform/src';
import { ConsentPurposeCodes1796060000000 } from '../../libs/platform/src/database/migrations/1796060000000-ConsentPurposeCodes';

jest.setTimeout(60_000);

/** Purposes typed before the list existed become `other`; the text, which could name someone, is gone. */
describe('migration ConsentPurposeCodes', () => {
  const name = `webcare_consent_${randomBytes(4).toString('hex')}`;
  const admin = process.env.TEST_ADMIN_DATABASE_URL!;
  const url = (() => {
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return u.toString();
  })();

  beforeAll(async () => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE "${name}"`);
    await c.end();
    await runMigrations(url);
  });

  afterAll(async () => {
    const c = new Client({ connectionString: admin });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.query(`DROP DATABASE IF EXISTS "${name}_keys" WITH (FORCE)`);
    await c.end();
  });

  it('maps typed purposes to other, keeps codes, refuses free text afterwards, and reverts', async () => {
    const ds = createDataSource(url);
    await ds.initialize();
    const runner = ds.createQueryRunner();
    const migration = new ConsentPurposeCodes1796060000000();
    try {
      await migration.down(runner);
      // A consent needs a case, contact and account; only the purpose column matters here.
      const insert = (purpose: string) =>
        ds.transaction(async (m) => {
          await m.query(`SET LOCAL session_replication_role = replica`);
          await m.query(
            `INSERT INTO consents (case_id, team_id, purpose, requested_by) VALUES ($1, $2, $3, $4)`,
            [randomUUID(), randomUUID(), purpose, randomUUID()],
          );
        });
      await insert('doorsturen naar de mentor van Mirthe Bosman');
      await insert('diploma_evaluation');

      await migration.up(runner);
      const purposes = (await ds.query(`SELECT purpose FROM consents ORDER BY purpose`)).map(
        (r: { purpose: string }) => r.purpose,
      );
      expect(purposes).toEqual(['diploma_evaluation', 'other']);
      await expect(insert('hand-over to Mirthe')).rejects.toThrow(/CHK_consents_purpose/);

      await migration.down(runner);
      await insert('free text again');
      await ds.query(`DELETE FROM consents WHERE purpose = 'free text again'`);
      await migration.up(runner);
    } finally {
      await runner.release();
      await ds.destroy();
    }
  });
});

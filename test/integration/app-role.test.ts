import { Client } from 'pg';
import { defaultKeysDatabaseUrl } from '../../libs/platform/src';

jest.setTimeout(60_000);

/**
 * The apps connect as a role that may read and write data but not change the schema or rewrite the
 * audit trail (the test run's migrations granted it exactly that). Here it tries anyway.
 */
describe('the app role cannot tamper', () => {
  let app: Client;
  let keys: Client;

  beforeAll(async () => {
    app = new Client({ connectionString: process.env.TEST_APP_DATABASE_URL });
    await app.connect();
    keys = new Client({ connectionString: defaultKeysDatabaseUrl(process.env.TEST_APP_DATABASE_URL!) });
    await keys.connect();
  });

  afterAll(async () => {
    await app?.end();
    await keys?.end();
  });

  const refused = async (client: Client, sql: string) => {
    await client.query('BEGIN');
    try {
      await expect(client.query(sql)).rejects.toThrow(/permission denied|must be owner|append-only/);
    } finally {
      await client.query('ROLLBACK');
    }
  };

  it('reads, writes and appends to the audit trail', async () => {
    const { rows } = await app.query(`SELECT current_user AS me, count(*)::int AS n FROM audit_events`);
    expect(rows[0].me).toBe(process.env.TEST_APP_ROLE);
    await app.query('BEGIN');
    await app.query(`INSERT INTO teams (name) VALUES ('app role check')`);
    await app.query(
      `INSERT INTO audit_events (actor_id, action, object_type, prev_hash, hash) VALUES (NULL, 'x', 'x', 'x', 'x')`,
    );
    await app.query('ROLLBACK');
  });

  it('cannot alter or drop tables, nor drop or disable the audit triggers', async () => {
    await refused(app, `ALTER TABLE cases ADD COLUMN sneaky int`);
    await refused(app, `DROP TABLE case_notes`);
    await refused(app, `ALTER TABLE audit_events DISABLE TRIGGER ALL`);
    await refused(app, `DROP TRIGGER "TRG_audit_events_no_update" ON audit_events`);
    await refused(app, `CREATE TABLE stash (x text)`);
    await refused(app, `SET session_replication_role = replica`);
  });

  it('cannot update, delete or truncate audit rows, nor read the migrations table', async () => {
    await refused(app, `UPDATE audit_events SET action = 'case.closed'`);
    await refused(app, `DELETE FROM audit_events`);
    await refused(app, `TRUNCATE audit_events`);
    await refused(app, `SELECT * FROM migrations`);
  });

  it('in the key store: stores, reads and shreds keys, but cannot rewrite one or change the table', async () => {
    await keys.query('BEGIN');
    await keys.query(`INSERT INTO data_keys (id, wrapped) VALUES (gen_random_uuid(), '\\x00')`);
    await keys.query(`DELETE FROM data_keys WHERE wrapped = '\\x00'`);
    await keys.query('ROLLBACK');
    await refused(keys, `UPDATE data_keys SET wrapped = '\\x01'`);
    await refused(keys, `ALTER TABLE data_keys ADD COLUMN plain text`);
    await refused(keys, `DROP TABLE data_keys`);
  });
});

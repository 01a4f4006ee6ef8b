import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../libs/platform/src/database/migrate';

/**
 * One fresh database and one Redis key prefix per test run; the values reach every test file
 * through the environment (jest starts test workers after this runs).
 */
export default async function globalSetup(): Promise<void> {
  const base = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/webcare');
  const name = `webcare_test_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new URL(base.toString());
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE "${name}"`);
  // The key store: a second database beside the main one (KEYS_DATABASE_URL's default name).
  await client.query(`CREATE DATABASE "${name}_keys"`);
  // The apps run as a role that may read and write data but not change the schema or the audit trail.
  const appRole = `wcapp_${name.slice('webcare_test_'.length)}`;
  const appPassword = randomBytes(12).toString('hex');
  await client.query(`CREATE ROLE "${appRole}" LOGIN PASSWORD '${appPassword}'`);
  await client.end();
  const url = new URL(base.toString());
  url.pathname = `/${name}`;
  await runMigrations(url.toString(), undefined, appRole);
  const appUrl = new URL(url.toString());
  appUrl.username = appRole;
  appUrl.password = appPassword;

  process.env.TEST_DATABASE_NAME = name;
  process.env.TEST_DATABASE_URL = url.toString();
  process.env.TEST_APP_ROLE = appRole;
  process.env.TEST_APP_DATABASE_URL = appUrl.toString();
  process.env.TEST_ADMIN_DATABASE_URL = admin.toString();
  process.env.TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  process.env.TEST_REDIS_PREFIX = `wctest-${randomBytes(4).toString('hex')}`;
  process.env.TEST_DATA_KEY = randomBytes(32).toString('base64');
  process.env.TEST_APP_SECRET = randomBytes(32).toString('base64');
}

import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** Runs statements on the server's `postgres` database (creating and dropping databases). */
export async function onServer(adminUrl: string, ...statements: string[]): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const sql of statements) await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** A throw-away database of a test file or benchmark, beside the run's own. */
export function createDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(adminUrl, `CREATE DATABASE "${name}"`);
}

/** Drops the database and the key store that migrations created beside it. */
export function dropDatabase(adminUrl: string, name: string): Promise<void> {
  return onServer(
    adminUrl,
    `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`,
    `DROP DATABASE IF EXISTS "${name}_keys" WITH (FORCE)`,
  );
}

/** A connection to the run's database as its owner (for set-up and checks behind the apps' backs). */
export async function connectTestDatabase(): Promise<Client> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  return client;
}

/** Name and URL of a test file's own database beside the run's, and the server's admin URL to create it with. */
export function ownDatabase(tag: string): { name: string; url: URL; adminUrl: string } {
  const name = `webcare_test_${tag}_${randomBytes(4).toString('hex')}`;
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return { name, url, adminUrl: process.env.TEST_ADMIN_DATABASE_URL! };
}

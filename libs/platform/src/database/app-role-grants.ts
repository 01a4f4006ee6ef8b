import { Client } from 'pg';

/** Placeholder replaced by the connected database's quoted name. */
const currentDatabase = '%DATABASE%';

/**
 * What the apps' role (the DATABASE_URL user, when it is not the schema owner) may do: read and
 * write data, nothing more. Not the owner, it cannot alter or drop tables or drop or disable
 * triggers; on the audit trail it may only read and append. Applied after every migration run, so
 * tables added later are covered.
 */
const MAIN_GRANTS = (role: string) => [
  `GRANT CONNECT, TEMPORARY ON DATABASE ${currentDatabase} TO ${role}`,
  `GRANT USAGE ON SCHEMA public TO ${role}`,
  `REVOKE CREATE ON SCHEMA public FROM ${role}`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`,
  `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`,
  `REVOKE ALL ON TABLE migrations FROM ${role}`,
  `REVOKE ALL ON TABLE data_steps FROM ${role}`,
  `REVOKE UPDATE, DELETE, TRUNCATE ON TABLE audit_events FROM ${role}`,
];

/** In the key store the apps create, read and shred keys; they never rewrite one. */
const KEY_STORE_GRANTS = (role: string) => [
  `GRANT CONNECT ON DATABASE ${currentDatabase} TO ${role}`,
  `GRANT USAGE ON SCHEMA public TO ${role}`,
  `REVOKE CREATE ON SCHEMA public FROM ${role}`,
  `GRANT SELECT, INSERT, DELETE ON TABLE data_keys TO ${role}`,
];

/** The role name in a Postgres URL (the user), decoded. */
export function roleOf(databaseUrl: string): string {
  return decodeURIComponent(new URL(databaseUrl).username || 'postgres');
}

/** The key store's URL with the schema owner's credentials (migrations create its table too). */
export function asOwner(url: string, ownerUrl: string): string {
  const target = new URL(url);
  const owner = new URL(ownerUrl);
  target.username = owner.username;
  target.password = owner.password;
  return target.toString();
}

async function apply(url: string, role: string, statements: (role: string) => string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const quotedRole = client.escapeIdentifier(role);
    const [{ db }] = (await client.query(`SELECT current_database() AS db`)).rows as { db: string }[];
    for (const sql of statements(quotedRole)) {
      await client.query(sql.replace(currentDatabase, client.escapeIdentifier(db)));
    }
  } finally {
    await client.end();
  }
}

/** Grants the app role its rights in the main database and the key store (run as their owner). */
export async function grantAppRole(mainUrl: string, keysUrl: string, role: string): Promise<void> {
  await apply(mainUrl, role, MAIN_GRANTS);
  await apply(keysUrl, role, KEY_STORE_GRANTS);
}

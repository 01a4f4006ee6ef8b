import { Client } from 'pg';

/** The key store's one table. Kept apart from the TypeORM migrations, which run on the main database. */
const KEY_STORE_SCHEMA = `CREATE TABLE IF NOT EXISTS data_keys (
  id uuid PRIMARY KEY,
  wrapped bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`;

/** Rows moved per round trip when an older install's keys leave the main database. */
const MOVE_BATCH = 5000;

async function connect(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Makes sure the key store exists and has its table. When its database is missing and the
 * migrating role may create databases, it is created beside the main one (the demo and the tests
 * rely on this); otherwise the error says what to create.
 */
export async function ensureKeyStore(keysUrl: string): Promise<void> {
  let client: Client;
  try {
    client = await connect(keysUrl);
  } catch (err) {
    if ((err as { code?: string }).code !== '3D000') throw err;
    const name = decodeURIComponent(new URL(keysUrl).pathname.slice(1));
    const maintenance = new URL(keysUrl);
    maintenance.pathname = '/postgres';
    const admin = await connect(maintenance.toString());
    try {
      await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (createErr) {
      if ((createErr as { code?: string }).code !== '42P04') {
        throw new Error(
          `the key store database "${name}" (KEYS_DATABASE_URL) does not exist and could not be created: ${(createErr as Error).message}`,
        );
      }
    } finally {
      await admin.end();
    }
    client = await connect(keysUrl);
  }
  try {
    await client.query(KEY_STORE_SCHEMA);
  } finally {
    await client.end();
  }
}

/**
 * Installs from before the separate key store kept `data_keys` in the main database. Moves those
 * rows to the key store (copy, then delete once the copy committed), so the migration that drops
 * the old table finds it empty. Returns how many keys moved.
 */
export async function moveKeysOutOfMainDatabase(mainUrl: string, keysUrl: string): Promise<number> {
  const main = await connect(mainUrl);
  const keys = await connect(keysUrl);
  let moved = 0;
  try {
    const [{ present }] = (await main.query(`SELECT to_regclass('public.data_keys') IS NOT NULL AS present`))
      .rows as { present: boolean }[];
    if (!present) return 0;
    for (;;) {
      const { rows } = await main.query<{ id: string; wrapped: Buffer; created_at: Date }>(
        `SELECT id, wrapped, created_at FROM data_keys ORDER BY id LIMIT $1`,
        [MOVE_BATCH],
      );
      if (!rows.length) return moved;
      await keys.query(
        `INSERT INTO data_keys (id, wrapped, created_at)
         SELECT * FROM unnest($1::uuid[], $2::bytea[], $3::timestamptz[]) ON CONFLICT (id) DO NOTHING`,
        [rows.map((r) => r.id), rows.map((r) => r.wrapped), rows.map((r) => r.created_at)],
      );
      await main.query(`DELETE FROM data_keys WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
      moved += rows.length;
    }
  } finally {
    await Promise.all([main.end(), keys.end()]);
  }
}

// The databases the apps need on a running Postgres: the app's database, the key store's URL and the
// least-privileged role the apps connect as.
import { Fatal, step, warn } from './util.mjs';
import { DEFAULT_DATABASE_URL, parseUrl } from './service-urls.mjs';
import { loadPg } from './postgres.mjs';

/** KEYS_DATABASE_URL, or the DATABASE_URL database with `_keys` appended (the apps' default). */
export function keysDatabaseUrl(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  if (process.env.KEYS_DATABASE_URL) return process.env.KEYS_DATABASE_URL;
  const u = new URL(databaseUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '') || '/webcare'}_keys`;
  return u.toString();
}
/** DATABASE_URL parsed, and the database it names ('' for none). */
function parseDatabaseUrl(databaseUrl) {
  const { u } = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  return { u, name: decodeURIComponent(u.pathname.replace(/^\//, '')) };
}

/** A client (not yet connected) for the server's `postgres` database, to create databases and roles. */
async function serverClient(u) {
  const pg = await loadPg();
  const m = new URL(u);
  m.pathname = '/postgres';
  const client = new pg.Client({ connectionString: m.toString(), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  return client;
}

/** CREATE DATABASE <name from DATABASE_URL> if it does not exist. Returns true if created. */
export async function ensureDatabase(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  const { u, name } = parseDatabaseUrl(databaseUrl);
  if (!name || name === 'postgres') return false;
  const client = await serverClient(u);
  try {
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`create database ${client.escapeIdentifier(name)}`);
    } catch (err) {
      if (err?.code === '42P04' || err?.code === '23505') return false; // created concurrently
      throw err;
    }
    step(`created database ${name}`);
    return true;
  } catch (err) {
    if (err instanceof Fatal) throw err;
    throw new Fatal(`could not create database ${name}: ${err?.message ?? err}`);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------- ensureAppRole

/**
 * The apps connect as a role that may read and write data but not change the schema or rewrite
 * the audit trail; migrations run as the DATABASE_URL user and grant that role its rights. Creates
 * (or re-passwords) the login role `<database>_app` (`webcare_app` by default) and returns its URL,
 * or null (with a warning) when the DATABASE_URL user may not create roles: then everything runs as
 * that one user.
 */
export async function ensureAppRole(databaseUrl, password) {
  const { u, name } = parseDatabaseUrl(databaseUrl);
  const role = `${name || 'webcare'}_app`;
  if (decodeURIComponent(u.username) === role) return null;
  const client = await serverClient(u);
  try {
    await client.connect();
    const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [role]);
    const verb = rowCount ? 'alter' : 'create';
    await client.query(`${verb} role ${client.escapeIdentifier(role)} login password ${client.escapeLiteral(password)}`);
    const app = new URL(u);
    app.username = role;
    app.password = password;
    return app.toString();
  } catch (err) {
    warn(`could not set up the least-privileged role ${role} (${err?.message ?? err}): the apps will run as the migration user`);
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

// Make sure Postgres and Redis answer; if nothing answers on a local address, start
// project-local instances from the system binaries under .data/ (and stop them again).
// Shared by scripts/test.mjs, scripts/demo.mjs and scripts/bench.mjs.
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {
  Fatal,
  ROOT,
  info,
  isShuttingDown,
  killOnExit,
  lastLines,
  npmCmd,
  onCleanup,
  readTail,
  run,
  runOrFail,
  sleep,
  step,
  tcpOpen,
  warn,
  which,
} from './util.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/webcare';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
const INSTALL_HINT = 'apt-get install postgresql redis-server';
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);

// ---------------------------------------------------------------- url helpers
function parseUrl(raw, kind, protocols, defaultPort) {
  let u;
  try {
    u = new URL(raw);
  } catch {
    throw new Fatal(`${kind} is not a valid URL: ${redact(raw)}`);
  }
  if (!protocols.includes(u.protocol)) {
    throw new Fatal(`${kind} must start with ${protocols.map((p) => p + '//').join(' or ')} (got ${redact(raw)})`);
  }
  const host = u.hostname.replace(/^\[(.*)\]$/, '$1') || '127.0.0.1';
  const port = Number(u.port || defaultPort);
  return { u, host, port, user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) };
}

/** URL without its password, for messages. */
export function redact(raw) {
  try {
    const u = new URL(raw);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return String(raw).replace(/:[^:@/]*@/, ':***@');
  }
}

const hostPort = (host, port) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

// ---------------------------------------------------------------- install
/** Installs dependencies exactly as the lock file pins them when node_modules is missing. */
export async function ensureInstalled() {
  const nm = path.join(ROOT, 'node_modules');
  if (!fs.existsSync(nm)) {
    const args = ['ci', '--no-audit', '--no-fund'];
    step(`node_modules missing: npm ${args.join(' ')}`);
    await runOrFail(npmCmd, args, `npm ${args[0]} failed; fix the error above and run it again`);
    return;
  }
  // Present: only point out obviously missing packages (someone added a dependency).
  try {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const names = Object.keys({ ...pkg.dependencies, ...pkg.devDependencies });
    const missing = names.filter((n) => !fs.existsSync(path.join(nm, n, 'package.json')));
    if (missing.length) {
      warn(`node_modules lacks ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ', …' : ''}: run \`npm install\``);
    }
  } catch {
    /* a broken package.json fails loudly later anyway */
  }
}

async function loadPg() {
  try {
    return (await import('pg')).default;
  } catch {
    throw new Fatal('the `pg` package is not installed: run `npm install` first');
  }
}

// ---------------------------------------------------------------- probes
/** { state: 'ok' | 'down' | 'error', message } for the server behind DATABASE_URL. */
export async function probePostgres(databaseUrl) {
  const { u, host, port } = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  if (!(await tcpOpen(host, port))) return { state: 'down', message: `nothing listens on ${hostPort(host, port)}` };
  const pg = await loadPg();
  const attempt = async (db) => {
    const m = new URL(u);
    m.pathname = `/${db}`;
    const client = new pg.Client({ connectionString: m.toString(), connectionTimeoutMillis: 5000 });
    client.on('error', () => {});
    try {
      await client.connect();
      await client.query('select 1');
      return { state: 'ok', message: 'ok' };
    } finally {
      await client.end().catch(() => {});
    }
  };
  try {
    return await attempt('postgres');
  } catch (err) {
    if (err?.code === '3D000') {
      // No maintenance database on this server: try the target database itself.
      try {
        return await attempt(decodeURIComponent(u.pathname.slice(1)) || 'template1');
      } catch (err2) {
        return { state: 'error', message: err2?.message ?? String(err2) };
      }
    }
    if (err?.code === '57P03') return { state: 'starting', message: err.message };
    return { state: 'error', message: err?.message ?? String(err) };
  }
}

/** { state: 'ok' | 'down' | 'error', message } for the server behind REDIS_URL (raw RESP PING). */
export async function probeRedis(redisUrl) {
  const { u, host, port, user, password } = parseUrl(redisUrl, 'REDIS_URL', ['redis:', 'rediss:'], 6379);
  if (!(await tcpOpen(host, port))) return { state: 'down', message: `nothing listens on ${hostPort(host, port)}` };
  return new Promise((resolve) => {
    const sock =
      u.protocol === 'rediss:' ? tls.connect({ host, port, servername: host }) : net.connect({ host, port });
    let buf = '';
    let settled = false;
    const done = (state, message) => {
      if (settled) return;
      settled = true;
      sock.destroy();
      resolve({ state, message });
    };
    const cmd = (...parts) => `*${parts.length}\r\n${parts.map((p) => `$${Buffer.byteLength(p)}\r\n${p}\r\n`).join('')}`;
    const expected = password ? 2 : 1;
    sock.setTimeout(5000, () => done('error', 'no answer to PING within 5s'));
    sock.once('error', (err) => done('error', err.message));
    sock.once(u.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => {
      let out = '';
      if (password) out += user ? cmd('AUTH', user, password) : cmd('AUTH', password);
      out += cmd('PING');
      sock.write(out);
    });
    sock.on('data', (d) => {
      buf += d.toString('utf8');
      // Like ioredis, tolerate a password in the URL when the server has none configured.
      const lines = buf
        .split('\r\n')
        .filter(Boolean)
        .map((l) => (l.startsWith('-') && /without any password configured/i.test(l) ? '+OK' : l));
      const err = lines.find((l) => l.startsWith('-'));
      if (err) return done('error', err.slice(1));
      if (lines.length >= expected) {
        const last = lines[expected - 1];
        if (last === '+PONG') done('ok', 'ok');
        else if (last.startsWith('-LOADING')) done('starting', last.slice(1));
        else done('error', `unexpected answer to PING: ${last}`);
      }
    });
  });
}

// ---------------------------------------------------------------- binaries
function postgresBinDir() {
  const need = ['initdb', 'pg_ctl', 'postgres'];
  const dirs = [];
  if (process.env.PG_BINDIR) dirs.push(process.env.PG_BINDIR);
  try {
    dirs.push(execFileSync('pg_config', ['--bindir'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  } catch {
    /* no pg_config */
  }
  for (const base of ['/usr/lib/postgresql', '/usr/pgsql']) {
    try {
      const versions = fs
        .readdirSync(base)
        .filter((v) => /^\d+(\.\d+)?$/.test(v))
        .sort((a, b) => Number(b) - Number(a));
      for (const v of versions) dirs.push(path.join(base, v, 'bin'));
    } catch {
      /* not there */
    }
  }
  dirs.push(
    '/usr/local/pgsql/bin',
    '/opt/homebrew/bin',
    '/usr/local/bin',
    ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean),
  );
  for (const d of dirs) {
    if (need.every((b) => which(path.join(d, b)))) return d;
  }
  return null;
}

function redisServerBin() {
  return which('redis-server', ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/usr/sbin']);
}

// ---------------------------------------------------------------- run-as (root)
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function userIds(name) {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

/** [cmd, args] running `bin args` as `user` (only when we are root). */
function asUser(user, bin, args) {
  if (!user) return [bin, args];
  const runuser = which('runuser', ['/usr/sbin', '/sbin']);
  if (runuser) return [runuser, ['-u', user.name, '--', bin, ...args]];
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  return ['su', ['-s', '/bin/sh', user.name, '-c', [bin, ...args].map(q).join(' ')]];
}

async function userCanWrite(user, dir) {
  if (!user) return true;
  const [cmd, args] = asUser(user, 'sh', ['-c', 'test -w "$1" && test -x "$1"', 'sh', dir]);
  const res = await run(cmd, args, { quiet: true });
  return res.code === 0;
}

function chownTree(p, user) {
  if (!user) return;
  if (fs.statSync(p).uid === user.uid) return; // already theirs: assume the tree is too
  execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, p]);
}

// ---------------------------------------------------------------- local postgres
async function startLocalPostgres({ databaseUrl, dataDir, binDir }) {
  const { host, port, user: urlUser, password } = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  const runUser = isRoot ? userIds('postgres') ?? userIds('nobody') : null;
  if (isRoot && !runUser) throw new Fatal('running as root but neither a `postgres` nor a `nobody` user exists to run Postgres');

  // Where the cluster lives: .data/pg, unless the run-as user cannot reach it (e.g. repo under /root).
  fs.mkdirSync(dataDir, { recursive: true });
  let base = dataDir;
  if (runUser) {
    const probe = path.join(dataDir, '.pg-access');
    fs.mkdirSync(probe, { recursive: true });
    chownTree(probe, runUser);
    const ok = await userCanWrite(runUser, probe);
    fs.rmSync(probe, { recursive: true, force: true });
    if (!ok) {
      base = path.join(os.tmpdir(), `webcare-${crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 10)}`);
      fs.mkdirSync(base, { recursive: true, mode: 0o755 });
      warn(`user ${runUser.name} cannot reach ${dataDir}; keeping the local Postgres cluster in ${base}/pg`);
    }
  }
  const pgDir = path.join(base, 'pg');
  const logFile = path.join(base, 'pg.log');
  let sockDir = path.join(base, 'pg-run');
  if (Buffer.byteLength(path.join(sockDir, `.s.PGSQL.${port}.lock`)) > 100) {
    sockDir = path.join(os.tmpdir(), `webcare-pg-${crypto.createHash('sha1').update(ROOT).digest('hex').slice(0, 10)}`);
  }
  fs.mkdirSync(sockDir, { recursive: true });
  if (!fs.existsSync(logFile)) fs.writeFileSync(logFile, '');
  if (runUser) {
    chownTree(sockDir, runUser);
    execFileSync('chown', [`${runUser.uid}:${runUser.gid}`, logFile]);
  }

  const pgVersion = (() => {
    try {
      const out = execFileSync(path.join(binDir, 'postgres'), ['--version'], { encoding: 'utf8' });
      return out.match(/(\d+)(?:\.\d+)?/)?.[1] ?? null;
    } catch {
      return null;
    }
  })();

  // initdb once.
  const versionFile = path.join(pgDir, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const clusterVersion = fs.readFileSync(versionFile, 'utf8').trim();
    if (pgVersion && clusterVersion !== pgVersion) {
      throw new Fatal(
        `${path.relative(ROOT, pgDir) || pgDir} was created by Postgres ${clusterVersion} but the binaries in ${binDir} are ${pgVersion}: delete it (local data is lost) or install Postgres ${clusterVersion}`,
      );
    }
    if (runUser) chownTree(pgDir, runUser);
  } else {
    fs.rmSync(pgDir, { recursive: true, force: true }); // leftovers of an interrupted initdb
    fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
    if (runUser) chownTree(pgDir, runUser);
    step(`initdb ${displayPath(pgDir)} (Postgres ${pgVersion ?? '?'}${runUser ? `, as user ${runUser.name}` : ''})`);
    const [cmd, args] = asUser(runUser, path.join(binDir, 'initdb'), [
      '-D',
      pgDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '-E',
      'UTF8',
      '--locale=C',
    ]);
    await runOrFail(cmd, args, `initdb failed for ${pgDir}`, { quiet: true, cwd: os.tmpdir() });
  }

  const listen = host === 'localhost' ? 'localhost' : host === '0.0.0.0' ? '127.0.0.1' : host;
  step(`starting local Postgres on ${hostPort(host, port)} (data ${displayPath(pgDir)}, log ${displayPath(logFile)})`);
  const pgCtl = path.join(binDir, 'pg_ctl');
  const opts = `-p ${port} -k '${sockDir}' -c listen_addresses='${listen}'`;
  const [cmd, args] = asUser(runUser, pgCtl, ['-D', pgDir, '-o', opts, '-l', logFile, '-w', '-t', '60', 'start']);
  const res = await run(cmd, args, { quiet: true, cwd: os.tmpdir() });
  if (res.code !== 0) {
    const tail = readTail(logFile, 12) || lastLines(`${res.stderr}\n${res.stdout}`, 12);
    if (tail) process.stderr.write(`${tail}\n`);
    throw new Fatal(`local Postgres did not start (see ${displayPath(logFile)})`);
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    step('stopping local Postgres');
    const [c, a] = asUser(runUser, pgCtl, ['-D', pgDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
    const r = await run(c, a, { quiet: true, cwd: os.tmpdir() });
    if (r.code !== 0) warn(`pg_ctl stop failed: ${lastLines(r.stderr || r.stdout, 1)}`);
  };

  // The cluster's superuser is `postgres`; give a different URL user a login.
  if (urlUser && urlUser !== 'postgres') {
    const pg = await loadPg();
    const client = new pg.Client({ host: listen === 'localhost' ? '127.0.0.1' : listen, port, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      const { rowCount } = await client.query('select 1 from pg_roles where rolname = $1', [urlUser]);
      if (!rowCount) {
        const pw = password ? ` password ${client.escapeLiteral(password)}` : '';
        await client.query(`create role ${client.escapeIdentifier(urlUser)} login superuser${pw}`);
        info(`created role ${urlUser}`);
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
  return stop;
}

// ---------------------------------------------------------------- local redis
async function startLocalRedis({ redisUrl, dataDir, bin }) {
  const { host, port, password } = parseUrl(redisUrl, 'REDIS_URL', ['redis:', 'rediss:'], 6379);
  const dir = path.join(dataDir, 'redis');
  const logFile = path.join(dataDir, 'redis.log');
  fs.mkdirSync(dir, { recursive: true });
  const bind = host === 'localhost' ? '127.0.0.1 -::1' : host === '0.0.0.0' ? '127.0.0.1' : host;
  const args = ['--port', String(port), '--bind', ...bind.split(' '), '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--dir', dir];
  if (password) args.push('--requirepass', password);
  step(`starting local Redis on ${hostPort(host, port)} (log ${displayPath(logFile)})`);
  const logFd = fs.openSync(logFile, 'a');
  // detached: a terminal Ctrl-C reaches only our script, which then stops Redis in order.
  const child = spawn(bin, args, { cwd: dir, stdio: ['ignore', logFd, logFd], detached: true });
  fs.closeSync(logFd);
  killOnExit(child);
  let exited = null;
  let stopping = false;
  child.on('error', (err) => (exited = { code: null, signal: err.message }));
  child.on('exit', (code, signal) => {
    exited = { code, signal };
    if (!stopping && !isShuttingDown()) warn(`local redis-server exited (${signal ?? code}); see ${displayPath(logFile)}`);
  });
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (exited) return;
    step('stopping local Redis');
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    const t = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(t);
  };

  const deadline = Date.now() + 15000;
  for (;;) {
    if (exited) {
      stopping = true;
      const tail = readTail(logFile, 10);
      if (tail) process.stderr.write(`${tail}\n`);
      throw new Fatal(`local redis-server exited during start-up (see ${displayPath(logFile)})`);
    }
    const p = await probeRedis(redisUrl);
    if (p.state === 'ok') break;
    if (Date.now() > deadline) {
      await stop();
      throw new Fatal(`local redis-server did not answer PING within 15s (see ${displayPath(logFile)})`);
    }
    await sleep(150);
  }
  return stop;
}

function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

// ---------------------------------------------------------------- ensureServices
/**
 * Checks Postgres (TCP + a real query on the `postgres` database) and Redis (PING).
 * If nothing answers on a local address, starts project-local instances under dataDir.
 * Returns { databaseUrl, redisUrl, started: { postgres, redis }, stop() }; stop() stops
 * only what was started here (it is also registered as a cleanup for signals/errors).
 */
export async function ensureServices({
  databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
  redisUrl = process.env.REDIS_URL || DEFAULT_REDIS_URL,
  dataDir = path.join(ROOT, '.data'),
} = {}) {
  const pgInfo = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  const redisInfo = parseUrl(redisUrl, 'REDIS_URL', ['redis:', 'rediss:'], 6379);
  step(`checking Postgres at ${hostPort(pgInfo.host, pgInfo.port)} and Redis at ${hostPort(redisInfo.host, redisInfo.port)}`);

  let [pgState, redisState] = await Promise.all([probePostgres(databaseUrl), probeRedis(redisUrl)]);
  for (let i = 0; i < 40 && (pgState.state === 'starting' || redisState.state === 'starting'); i++) {
    await sleep(250);
    if (pgState.state === 'starting') pgState = await probePostgres(databaseUrl);
    if (redisState.state === 'starting') redisState = await probeRedis(redisUrl);
  }

  // Something answers but refuses us: starting a second server on that port cannot help.
  if (pgState.state !== 'ok' && pgState.state !== 'down') {
    throw new Fatal(`Postgres at ${hostPort(pgInfo.host, pgInfo.port)} answers but the check query failed: ${pgState.message} (check DATABASE_URL)`);
  }
  if (redisState.state !== 'ok' && redisState.state !== 'down') {
    throw new Fatal(`Redis at ${hostPort(redisInfo.host, redisInfo.port)} answers but PING failed: ${redisState.message} (check REDIS_URL)`);
  }

  const needPg = pgState.state === 'down';
  const needRedis = redisState.state === 'down';
  const notLocal = [];
  if (needPg && !LOCAL_HOSTS.has(pgInfo.host)) notLocal.push(`Postgres at ${hostPort(pgInfo.host, pgInfo.port)} (DATABASE_URL)`);
  if (needRedis && !LOCAL_HOSTS.has(redisInfo.host)) notLocal.push(`Redis at ${hostPort(redisInfo.host, redisInfo.port)} (REDIS_URL)`);
  if (notLocal.length) throw new Fatal(`nothing answers: ${notLocal.join(' and ')}; start it or point the variable at a running server`);

  const binDir = needPg ? postgresBinDir() : null;
  const redisBin = needRedis ? redisServerBin() : null;
  const missing = [];
  if (needPg && !binDir) missing.push(`Postgres (nothing on ${hostPort(pgInfo.host, pgInfo.port)}, no initdb/pg_ctl/postgres found)`);
  if (needRedis && !redisBin) missing.push(`Redis (nothing on ${hostPort(redisInfo.host, redisInfo.port)}, no redis-server found)`);
  if (missing.length) {
    throw new Fatal(`${missing.join(' and ')}: install with \`${INSTALL_HINT}\` (or set DATABASE_URL / REDIS_URL to running servers)`);
  }

  const stops = [];
  const track = (stopFn) => {
    const unregister = onCleanup(stopFn);
    stops.push({ stopFn, unregister });
  };
  const stop = async () => {
    while (stops.length) {
      const { stopFn, unregister } = stops.pop();
      unregister();
      await stopFn();
    }
  };
  try {
    if (needPg) track(await startLocalPostgres({ databaseUrl, dataDir, binDir }));
    if (needRedis) track(await startLocalRedis({ redisUrl, dataDir, bin: redisBin }));
    if (needPg) {
      const p = await probePostgres(databaseUrl);
      if (p.state !== 'ok') throw new Fatal(`local Postgres started but the check query failed: ${p.message}`);
    }
  } catch (err) {
    await stop();
    throw err;
  }
  info(
    `Postgres: ${needPg ? 'local instance (started)' : 'ok'} · Redis: ${needRedis ? 'local instance (started)' : 'ok'}`,
  );
  return { databaseUrl, redisUrl, started: { postgres: needPg, redis: needRedis }, stop };
}

// ---------------------------------------------------------------- ensureDatabase

/** KEYS_DATABASE_URL, or the DATABASE_URL database with `_keys` appended (the apps' default). */
export function keysDatabaseUrl(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  if (process.env.KEYS_DATABASE_URL) return process.env.KEYS_DATABASE_URL;
  const u = new URL(databaseUrl);
  u.pathname = `${u.pathname.replace(/\/+$/, '') || '/webcare'}_keys`;
  return u.toString();
}
/** CREATE DATABASE <name from DATABASE_URL> if it does not exist. Returns true if created. */
export async function ensureDatabase(databaseUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL) {
  const { u } = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!name || name === 'postgres') return false;
  const pg = await loadPg();
  const m = new URL(u);
  m.pathname = '/postgres';
  const client = new pg.Client({ connectionString: m.toString(), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
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
  const { u } = parseUrl(databaseUrl, 'DATABASE_URL', ['postgres:', 'postgresql:'], 5432);
  const role = `${decodeURIComponent(u.pathname.replace(/^\//, '')) || 'webcare'}_app`;
  if (decodeURIComponent(u.username) === role) return null;
  const pg = await loadPg();
  const m = new URL(u);
  m.pathname = '/postgres';
  const client = new pg.Client({ connectionString: m.toString(), connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
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

// Postgres for the scripts: probing a server, finding the binaries, and starting a
// project-local cluster when nothing answers.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Fatal, ROOT, info, lastLines, readTail, run, runOrFail, step, tcpOpen, warn, which } from './util.mjs';
import { displayPath, hostPort, parseUrl } from './service-urls.mjs';
import { asUser, chownTree, isRoot, userCanWrite, userIds } from './run-as.mjs';

export async function loadPg() {
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

export function postgresBinDir() {
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

export async function startLocalPostgres({ databaseUrl, dataDir, binDir }) {
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

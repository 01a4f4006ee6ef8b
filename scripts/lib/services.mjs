// Make sure Postgres and Redis answer; if nothing answers on a local address, start
// project-local instances from the system binaries under .data/ (and stop them again).
// Shared by scripts/test.mjs, scripts/demo.mjs and scripts/bench.mjs.
import path from 'node:path';
import { Fatal, ROOT, info, onCleanup, sleep, step } from './util.mjs';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL, LOCAL_HOSTS, hostPort, parseUrl } from './service-urls.mjs';
import { postgresBinDir, probePostgres, startLocalPostgres } from './postgres.mjs';
import { probeRedis, redisServerBin, startLocalRedis } from './redis.mjs';

const INSTALL_HINT = 'apt-get install postgresql redis-server';

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

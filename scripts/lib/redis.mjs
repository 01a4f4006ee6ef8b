// Redis for the scripts: probing a server (raw RESP PING), finding redis-server, and starting a
// project-local instance when nothing answers.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';
import { Fatal, isShuttingDown, killOnExit, readTail, sleep, step, tcpOpen, warn, which } from './util.mjs';
import { displayPath, hostPort, parseUrl } from './service-urls.mjs';

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

export function redisServerBin() {
  return which('redis-server', ['/usr/bin', '/usr/local/bin', '/opt/homebrew/bin', '/usr/sbin']);
}

export async function startLocalRedis({ redisUrl, dataDir, bin }) {
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

// Small helpers shared by the developer/operator scripts (plain Node, no deps).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

const useColor = process.stderr.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (useColor ? `\x1b[${code}m${s}\x1b[0m` : s);

/** One progress line on stderr. */
export function step(msg) {
  process.stderr.write(`${paint('36', '›')} ${msg}\n`);
}
export function info(msg) {
  process.stderr.write(`  ${msg}\n`);
}
export function warn(msg) {
  process.stderr.write(`${paint('33', '!')} ${msg}\n`);
}

/** An expected failure: printed as one line, no stack trace. */
export class Fatal extends Error {
  constructor(message, exitCode = 1) {
    super(message);
    this.exitCode = exitCode;
  }
}

// ---------------------------------------------------------------- cleanup
const cleanups = [];
let shuttingDown = false;
export const isShuttingDown = () => shuttingDown;

/** Register an async cleanup; runs in reverse order on exit, error or signal. */
export function onCleanup(fn) {
  cleanups.push(fn);
  return () => {
    const i = cleanups.indexOf(fn);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

export async function runCleanups() {
  shuttingDown = true;
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      await fn();
    } catch (err) {
      warn(`cleanup failed: ${err?.message ?? err}`);
    }
  }
}

/** SIGTERM to a child that still runs, SIGKILL after 10 s; resolves once it has closed. */
export async function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('close', r));
  child.kill('SIGTERM');
  const t = setTimeout(() => child.kill('SIGKILL'), 10000);
  await gone;
  clearTimeout(t);
}

// Synchronous last resort for detached children (normal exit / uncaught error).
const exitKills = new Set();
export function killOnExit(child) {
  exitKills.add(child);
  child.once('exit', () => exitKills.delete(child));
}
process.on('exit', () => {
  for (const child of exitKills) {
    try {
      process.kill(child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
});

/**
 * Run a script's main(): expected failures print one line; cleanups always run;
 * SIGINT/SIGTERM stop everything that was started. `onSignal` may return an exit code.
 */
export function main(fn, { signalExitCode = 130 } = {}) {
  let signalled = false;
  const onSignal = (sig) => {
    if (signalled) {
      warn(`${sig} again: forcing exit`);
      process.exit(signalExitCode);
    }
    signalled = true;
    process.stderr.write('\n');
    step(`${sig} received, stopping…`);
    runCleanups().finally(() => process.exit(signalExitCode));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);

  Promise.resolve()
    .then(fn)
    .then(
      async (code) => {
        if (signalled) return; // the signal handler owns the exit
        await runCleanups();
        process.exit(typeof code === 'number' ? code : 0);
      },
      async (err) => {
        if (signalled) return;
        if (err instanceof Fatal) {
          process.stderr.write(`${paint('31', '✖')} ${err.message}\n`);
        } else {
          process.stderr.write(`${paint('31', '✖')} unexpected error: ${err?.stack ?? err}\n`);
        }
        await runCleanups();
        process.exit(err?.exitCode ?? 1);
      },
    );
}

// ---------------------------------------------------------------- processes
/**
 * Spawn and wait. stdio inherits by default. Resolves { code, signal, stdout }.
 * With capture: true stdout is collected (and not echoed).
 */
export function run(cmd, args = [], opts = {}) {
  const { capture = false, quiet = false, ...rest } = opts;
  return new Promise((resolve, reject) => {
    let child;
    try {
      child = spawn(cmd, args, {
        cwd: ROOT,
        stdio: capture ? ['ignore', 'pipe', quiet ? 'pipe' : 'inherit'] : quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
        ...rest,
      });
    } catch (err) {
      reject(err);
      return;
    }
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += d));
    child.stderr?.on('data', (d) => (stderr += d));
    child.on('error', (err) => {
      if (err.code === 'ENOENT') reject(new Fatal(`command not found: ${cmd}`));
      else reject(err);
    });
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Like run() but throws Fatal(failMsg) on a non-zero exit. */
export async function runOrFail(cmd, args, failMsg, opts = {}) {
  const res = await run(cmd, args, opts);
  if (res.code !== 0) {
    const tail = opts.quiet ? lastLines(`${res.stderr}\n${res.stdout}`, 15) : '';
    if (tail) process.stderr.write(`${tail}\n`);
    throw new Fatal(`${failMsg} (exit ${res.code ?? res.signal})`);
  }
  return res;
}

export const npmCmd = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export function lastLines(text, n) {
  return String(text ?? '')
    .trimEnd()
    .split('\n')
    .slice(-n)
    .join('\n');
}

export function readTail(file, n = 15) {
  try {
    return lastLines(fs.readFileSync(file, 'utf8'), n);
  } catch {
    return '';
  }
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** true when something accepts a TCP connection at host:port. */
export function tcpOpen(host, port, timeoutMs = 1500) {
  return new Promise((resolve) => {
    const sock = net.connect({ host, port });
    const done = (ok) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Find an executable on PATH (or an absolute path); returns null if missing. */
export function which(name, extraDirs = []) {
  if (path.isAbsolute(name)) return isExecutable(name) ? name : null;
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), ...extraDirs];
  for (const dir of dirs) {
    if (!dir) continue;
    const p = path.join(dir, name);
    if (isExecutable(p)) return p;
  }
  return null;
}

export function isExecutable(p) {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** Prefix every line of a stream and write it to `out`. */
export function prefixLines(stream, prefix, out = process.stderr) {
  let buf = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buf += chunk;
    let i;
    while ((i = buf.indexOf('\n')) >= 0) {
      out.write(`${prefix}${buf.slice(0, i)}\n`);
      buf = buf.slice(i + 1);
    }
  });
  stream.on('end', () => {
    if (buf) out.write(`${prefix}${buf}\n`);
    buf = '';
  });
}

/** Print rows as an aligned text table (first row = header). */
export function table(rows, out = process.stdout) {
  const widths = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, String(c).length)));
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join(' | ').trimEnd();
  out.write(`${line(rows[0])}\n`);
  out.write(`${widths.map((w) => '-'.repeat(w)).join('-|-')}\n`);
  for (const r of rows.slice(1)) out.write(`${line(r)}\n`);
}

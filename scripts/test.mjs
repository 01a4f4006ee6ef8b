#!/usr/bin/env node
// npm test: install if needed, make sure Postgres + Redis answer (starting local ones under
// .data/ if needed), make sure Chromium exists for browser tests, build, run the web component
// tests (vitest) and jest.
//
//   npm test                          unit (parallel), then integration + e2e (in band)
//   npm test -- test/e2e/whatsapp     one jest run, in band, with these arguments
//   npm test -- apps/web              only the web component tests (vitest)
//
// Env: DATABASE_URL, REDIS_URL (defaults in the contract), CHROMIUM_PATH, SKIP_BUILD=1.
// Last stdout line: "N passed, N failed" (suites that failed to run count as failed).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/service-urls.mjs';
import { ensureDatabase } from './lib/databases.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { ensureServices } from './lib/services.mjs';
import { Fatal, ROOT, isExecutable, main, npmCmd, onCleanup, run, runOrFail, step, stopChild, warn, which } from './lib/util.mjs';

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

async function ensureChromium() {
  const wanted = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (isExecutable(wanted)) return wanted;
  if (process.env.CHROMIUM_PATH) warn(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} is not an executable file`);
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    const found = which(name);
    if (found) {
      step(`using ${found} for browser tests`);
      return found;
    }
  }
  const apt = which('apt-get', ['/usr/bin']);
  if (process.platform === 'linux' && isRoot && apt) {
    step('Chromium (needed by browser tests) is missing: apt-get update && apt-get install -y chromium');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const upd = await run(apt, ['update', '-qq'], { env });
    if (upd.code === 0) {
      const inst = await run(apt, ['install', '-y', '-qq', '--no-install-recommends', 'chromium', 'fonts-liberation'], { env });
      if (inst.code === 0 && isExecutable('/usr/bin/chromium')) return '/usr/bin/chromium';
    }
    throw new Fatal('could not install Chromium with apt-get (browser tests need it): install `chromium` yourself or set CHROMIUM_PATH');
  }
  warn(`Chromium not found at ${wanted}: browser tests will fail; install \`chromium\` (e.g. sudo apt-get install chromium) or set CHROMIUM_PATH`);
  return wanted;
}

let current = null; // the running jest child, for Ctrl-C

function runJest(label, jestArgs, env, outFile) {
  const jestBin = path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
  if (!fs.existsSync(jestBin)) throw new Fatal('jest is not installed (node_modules/jest missing): run `npm install`');
  fs.rmSync(outFile, { force: true });
  const args = [jestBin, ...jestArgs, '--ci', '--forceExit', '--json', `--outputFile=${outFile}`];
  step(`jest ${label}: jest ${jestArgs.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', (err) => {
      current = null;
      warn(`could not start jest: ${err.message}`);
      resolve({ code: 1, results: null });
    });
    child.on('close', (code, signal) => {
      current = null;
      let results = null;
      try {
        results = JSON.parse(fs.readFileSync(outFile, 'utf8'));
      } catch {
        warn(`jest ${label} wrote no results (exit ${code ?? signal})`);
      }
      resolve({ code: code ?? 1, results });
    });
  });
}

/** The web app's component tests (vitest, jsdom); resolves jest-like counts. */
function runVitest(args, env, outFile) {
  const bin = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  if (!fs.existsSync(bin)) throw new Fatal('vitest is not installed (node_modules/vitest missing): run `npm install`');
  fs.rmSync(outFile, { force: true });
  const cwd = path.join(ROOT, 'apps', 'web');
  const runArgs = [bin, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${outFile}`];
  step(`vitest (web components): vitest run ${args.join(' ')}`);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, runArgs, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', () => resolve({ code: 1, results: null }));
    child.on('close', (code) => {
      current = null;
      let results = null;
      try {
        results = JSON.parse(fs.readFileSync(outFile, 'utf8'));
      } catch {
        warn(`vitest wrote no results (exit ${code})`);
      }
      resolve({ code: code ?? 1, results });
    });
  });
}

main(async () => {
  const userArgs = process.argv.slice(2);
  // `npm test -- apps/web/...` runs only the web component tests; no argument runs everything.
  const webArgs = userArgs.filter((a) => a.startsWith('apps/web'));
  const jestArgs = userArgs.filter((a) => !a.startsWith('apps/web'));
  await ensureInstalled();

  const svc = await ensureServices({
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: process.env.REDIS_URL || DEFAULT_REDIS_URL,
  });
  await ensureDatabase(svc.databaseUrl);

  const chromium = await ensureChromium();

  if (process.env.SKIP_BUILD === '1') {
    step('SKIP_BUILD=1: not building');
  } else {
    step('npm run build');
    await runOrFail(npmCmd, ['run', '-s', 'build'], 'build failed (see the compiler errors above)');
  }

  const env = {
    ...process.env,
    DATABASE_URL: svc.databaseUrl,
    REDIS_URL: svc.redisUrl,
    CHROMIUM_PATH: chromium,
    NODE_ENV: 'test',
  };
  const outDir = path.join(ROOT, '.data', 'jest');
  fs.mkdirSync(outDir, { recursive: true });

  // Ctrl-C: let jest finish its own shutdown before the services go away.
  onCleanup(() => stopChild(current));

  const runs = userArgs.length
    ? jestArgs.length
      ? [['selected', [...jestArgs, '--runInBand'], 'selected']]
      : []
    : [
        ['unit', ['--selectProjects', 'unit', `--maxWorkers=${Math.max(1, Math.min(4, os.cpus().length))}`, '--passWithNoTests'], 'unit'],
        ['integration + e2e', ['--selectProjects', 'integration', 'e2e', '--runInBand', '--passWithNoTests'], 'integration-e2e'],
      ];

  let passed = 0;
  let failed = 0;
  let total = 0;
  let exitCode = 0;
  const steps = runs.map(([label, args, file]) => () => runJest(label, args, env, path.join(outDir, `${file}.json`)));
  if (!userArgs.length || webArgs.length) {
    const files = webArgs.map((a) => path.relative(path.join(ROOT, 'apps', 'web'), path.resolve(ROOT, a)));
    steps.unshift(() => runVitest(files.filter((f) => f && !f.startsWith('..')), env, path.join(outDir, 'web.json')));
  }
  for (const runStep of steps) {
    const { code, results } = await runStep();
    if (results) {
      passed += results.numPassedTests ?? 0;
      failed += (results.numFailedTests ?? 0) + (results.numRuntimeErrorTestSuites ?? 0);
      total += results.numTotalTests ?? 0;
    } else if (code !== 0) {
      failed += 1;
    }
    if (code !== 0 && exitCode === 0) exitCode = code;
  }
  if (total === 0 && exitCode === 0) {
    warn('no tests were found');
    exitCode = 1;
  }
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return exitCode;
});

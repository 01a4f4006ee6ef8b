#!/usr/bin/env node
// npm run bench [-- name-filter …]: install if needed, Postgres + Redis (local ones under
// .data/ if nothing answers), build the apps (npm run build) and the benchmarks (npm run
// build:bench, tsconfig.bench.json → dist-bench/, never part of the production dist), then run
// every dist-bench/bench/*.bench.js one after the other.
// Each benchmark writes bench/results/<name>.json:
//   { "name", "rows": [ { "metric", "value", "unit", "target" } ] }
// and this script prints one summary table. Exit 1 if a benchmark failed or wrote no results.
//
// Env passed to each benchmark: DATABASE_URL, REDIS_URL, BENCH_RESULTS_DIR, BENCH_NAME,
// NODE_ENV (default "test"). SKIP_BUILD=1 skips both builds.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_DATABASE_URL, DEFAULT_REDIS_URL } from './lib/service-urls.mjs';
import { ensureDatabase } from './lib/databases.mjs';
import { ensureInstalled } from './lib/install.mjs';
import { ensureServices } from './lib/services.mjs';
import { Fatal, ROOT, main, npmCmd, onCleanup, runOrFail, step, stopChild, table, warn } from './lib/util.mjs';

const DIST_BENCH = path.join(ROOT, 'dist-bench', 'bench');
const RESULTS = path.join(ROOT, 'bench', 'results');

let current = null;

function runBench(file, env) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [file], { cwd: ROOT, env, stdio: ['ignore', 'inherit', 'inherit'] });
    current = child;
    child.on('error', (err) => {
      current = null;
      warn(`could not start ${file}: ${err.message}`);
      resolve(1);
    });
    child.on('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function fmt(v) {
  if (v === null || v === undefined || v === '') return '-';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    const abs = Math.abs(v);
    return String(Number(v.toFixed(abs >= 100 ? 1 : abs >= 1 ? 2 : 4)));
  }
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

main(async () => {
  const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  await ensureInstalled();
  const svc = await ensureServices({
    databaseUrl: process.env.DATABASE_URL || DEFAULT_DATABASE_URL,
    redisUrl: process.env.REDIS_URL || DEFAULT_REDIS_URL,
  });
  await ensureDatabase(svc.databaseUrl);

  if (process.env.SKIP_BUILD === '1') step('SKIP_BUILD=1: not building');
  else {
    step('npm run build');
    await runOrFail(npmCmd, ['run', '-s', 'build'], 'build failed (see the compiler errors above)');
    step('npm run build:bench');
    await runOrFail(npmCmd, ['run', '-s', 'build:bench'], 'benchmark build failed (see the compiler errors above)');
  }

  const all = fs.existsSync(DIST_BENCH)
    ? fs
        .readdirSync(DIST_BENCH)
        .filter((f) => f.endsWith('.bench.js'))
        .sort()
    : [];
  if (!all.length) throw new Fatal('no benchmarks found: expected bench/*.bench.ts compiled to dist-bench/bench/*.bench.js (npm run build:bench)');
  const selected = filters.length ? all.filter((f) => filters.some((q) => f.includes(q))) : all;
  if (!selected.length) throw new Fatal(`no benchmark matches ${filters.join(', ')} (have: ${all.map((f) => f.replace(/\.bench\.js$/, '')).join(', ')})`);

  fs.mkdirSync(RESULTS, { recursive: true });
  onCleanup(() => stopChild(current));

  const rows = [];
  const failed = [];
  for (const f of selected) {
    const name = f.replace(/\.bench\.js$/, '');
    const out = path.join(RESULTS, `${name}.json`);
    fs.rmSync(out, { force: true });
    step(`bench ${name}`);
    const started = Date.now();
    const code = await runBench(path.join(DIST_BENCH, f), {
      ...process.env,
      NODE_ENV: process.env.NODE_ENV || 'test',
      DATABASE_URL: svc.databaseUrl,
      REDIS_URL: svc.redisUrl,
      BENCH_RESULTS_DIR: RESULTS,
      BENCH_NAME: name,
    });
    let result = null;
    try {
      result = JSON.parse(fs.readFileSync(out, 'utf8'));
    } catch {
      /* reported below */
    }
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (code !== 0) {
      failed.push(name);
      warn(`bench ${name} failed (exit ${code}, ${secs}s)`);
    } else if (!result || !Array.isArray(result.rows)) {
      failed.push(name);
      warn(`bench ${name} wrote no valid ${path.relative(ROOT, out)} (${secs}s)`);
    } else {
      step(`bench ${name} done (${secs}s)`);
    }
    if (result && Array.isArray(result.rows)) {
      for (const r of result.rows) rows.push([result.name ?? name, r.metric ?? '?', fmt(r.value), r.unit ?? '', fmt(r.target)]);
    } else {
      rows.push([name, '(failed)', '-', '', '-']);
    }
  }

  process.stdout.write('\n');
  table([['bench', 'metric', 'value', 'unit', 'target'], ...rows]);
  process.stdout.write(`\nresults in ${path.relative(ROOT, RESULTS)}/\n`);
  if (failed.length) {
    warn(`failed: ${failed.join(', ')}`);
    return 1;
  }
  return 0;
});

// npm dependencies for the scripts: installs them when node_modules is missing.
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, npmCmd, runOrFail, step, warn } from './util.mjs';

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

import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SvelteKit build (apps/web/build): a shell page plus content-hashed files under /_app/immutable. */
export const WEB_ROOT = join(__dirname, '..', '..', '..', '..', '..', 'apps', 'web', 'build');
const SHELL = 'index.html';
/** Paths the single-page app never owns: unknown ones there stay a JSON 404. */
const NOT_THE_APP = /^\/(api|socket\.io|webhooks|health)(\/|$)/;

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/**
 * CSP sources the built app needs beyond 'self', so neither directive needs 'unsafe-inline':
 * hashes of the shell's inline scripts (SvelteKit's bootstrap), and of the few fixed style
 * attributes in the bundle (SvelteKit's visually hidden route announcer), allowed one by one
 * through 'unsafe-hashes'. Empty when the web app is not built.
 */
export function webCspSources(root = WEB_ROOT): { script: string[]; style: string[] } {
  const file = join(root, SHELL);
  if (!existsSync(file)) return { script: [], style: [] };
  const html = readFileSync(file, 'utf8');
  const script = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => sha256(m[1]));
  const assets = join(root, '_app', 'immutable');
  const styles = new Set<string>();
  for (const name of existsSync(assets) ? readdirSync(assets) : []) {
    if (!name.endsWith('.js')) continue;
    for (const m of readFileSync(join(assets, name), 'utf8').matchAll(/ style="([^"\\]*)"/g)) styles.add(sha256(m[1]));
  }
  return { script, style: styles.size ? ["'unsafe-hashes'", ...styles] : [] };
}

/**
 * Serves the built web app: hashed assets cached for a year, everything else revalidated, and the
 * shell (never cached) for any other GET a browser makes, so deep links like /inbox work.
 */
export function mountWebUi(app: NestExpressApplication, root = WEB_ROOT): void {
  const shell = join(root, SHELL);
  if (!existsSync(shell)) return;
  app.use(
    express.static(root, {
      index: false,
      setHeaders(res, file) {
        const immutable = file.includes(`${join('_app', 'immutable')}`);
        res.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    }),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || NOT_THE_APP.test(req.path) || !req.accepts('html')) {
      return next();
    }
    res.setHeader('Cache-Control', 'no-store');
    res.sendFile(shell);
  });
}

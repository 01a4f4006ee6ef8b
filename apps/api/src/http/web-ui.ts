import { NestExpressApplication } from '@nestjs/platform-express';
import express, { NextFunction, Request, Response } from 'express';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The SvelteKit build (apps/web/build): a shell page plus content-hashed files under /_app/immutable. */
export const WEB_ROOT = join(__dirname, '..', '..', '..', '..', '..', 'apps', 'web', 'build');
const SHELL = 'index.html';
/** Paths the single-page app never owns: unknown ones there stay a JSON 404. */
const NOT_THE_APP = /^\/(api|socket\.io|webhooks|health)(\/|$)/;

/**
 * CSP hashes of the shell's inline scripts (SvelteKit's bootstrap), so script-src needs no
 * 'unsafe-inline'. Empty when the web app is not built.
 */
export function webShellScriptHashes(root = WEB_ROOT): string[] {
  const file = join(root, SHELL);
  if (!existsSync(file)) return [];
  const html = readFileSync(file, 'utf8');
  const hashes: string[] = [];
  for (const m of html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
    hashes.push(`'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  }
  return hashes;
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

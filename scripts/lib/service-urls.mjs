// Parsing and printing the DATABASE_URL / REDIS_URL the scripts are given.
import path from 'node:path';
import { Fatal } from './util.mjs';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/webcare';
export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';
export const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0']);

export function parseUrl(raw, kind, protocols, defaultPort) {
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

export const hostPort = (host, port) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

/** A path relative to the working directory when it lies below it, for messages. */
export function displayPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') ? rel : p;
}

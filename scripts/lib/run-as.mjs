// Running the local database servers as an unprivileged user when the scripts run as root.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { run, which } from './util.mjs';

export const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

export function userIds(name) {
  try {
    const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    const gid = Number(execFileSync('id', ['-g', name], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
    return Number.isInteger(uid) && Number.isInteger(gid) ? { name, uid, gid } : null;
  } catch {
    return null;
  }
}

/** [cmd, args] running `bin args` as `user` (only when we are root). */
export function asUser(user, bin, args) {
  if (!user) return [bin, args];
  const runuser = which('runuser', ['/usr/sbin', '/sbin']);
  if (runuser) return [runuser, ['-u', user.name, '--', bin, ...args]];
  const q = (s) => `'${String(s).replace(/'/g, `'\\''`)}'`;
  return ['su', ['-s', '/bin/sh', user.name, '-c', [bin, ...args].map(q).join(' ')]];
}

export async function userCanWrite(user, dir) {
  if (!user) return true;
  const [cmd, args] = asUser(user, 'sh', ['-c', 'test -w "$1" && test -x "$1"', 'sh', dir]);
  const res = await run(cmd, args, { quiet: true });
  return res.code === 0;
}

export function chownTree(p, user) {
  if (!user) return;
  if (fs.statSync(p).uid === user.uid) return; // already theirs: assume the tree is too
  execFileSync('chown', ['-R', `${user.uid}:${user.gid}`, p]);
}

import { execFileSync } from 'node:child_process';
import Redis from 'ioredis';

/** Everything the run's database holds, as `pg_dump` writes it: where planted identifiers must not be. */
export function pgDump(): string {
  // stderr is kept from the test output: --data-only warns about messages' self-reference (a reply names the comment it answers).
  return execFileSync('pg_dump', ['--data-only', '--no-owner', process.env.TEST_DATABASE_URL!], {
    maxBuffer: 512 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}

/** Every key under the prefix and its value, whatever the Redis type, as searchable text. */
export async function redisDump(url: string, prefix: string): Promise<{ text: string; keys: string[] }> {
  const redis = new Redis(url);
  const parts: string[] = [];
  const all: string[] = [];
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    for (const key of keys) {
      all.push(key);
      parts.push(key);
      const type = await redis.type(key);
      if (type === 'string') parts.push(String(await redis.get(key)));
      if (type === 'hash') parts.push(JSON.stringify(await redis.hgetall(key)));
      if (type === 'list') parts.push(JSON.stringify(await redis.lrange(key, 0, -1)));
      if (type === 'set') parts.push(JSON.stringify(await redis.smembers(key)));
      if (type === 'zset') parts.push(JSON.stringify(await redis.zrange(key, 0, -1)));
      if (type === 'stream') parts.push(JSON.stringify(await redis.xrange(key, '-', '+')));
    }
    cursor = next;
  } while (cursor !== '0');
  redis.disconnect();
  return { text: parts.join('\n'), keys: all };
}

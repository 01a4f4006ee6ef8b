import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { AppProcess, freePort, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(180_000);

function letters(n: number): string {
  return n
    .toString(26)
    .split('')
    .map((d) => String.fromCharCode(97 + parseInt(d, 26)))
    .join('');
}

async function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
  await waitFor(async () => {
    const { createConnection } = await import('node:net');
    return new Promise<boolean>((res) => {
      const s = createConnection(port, '127.0.0.1', () => (s.end(), res(true)));
      s.on('error', () => res(false));
    });
  });
  return child;
}

describe('ingest faults', () => {
  let db: Client;
  const apps: AppProcess[] = [];

  beforeAll(async () => {
    db = await connectTestDatabase();
  });

  // Apps share the run's database: the next test must not find this test's relay draining its outbox.
  afterEach(async () => {
    await Promise.all(apps.splice(0).map((a) => a.kill()));
  });

  afterAll(async () => {
    await db?.end();
  });

  const countMarked = async (marker: string) =>
    Number(
      (await db.query(`SELECT count(*) AS n FROM messages WHERE text_pseudo LIKE $1`, [`%${marker}%`]))
        .rows[0].n,
    );

  it('processes every message exactly once when the worker is killed with SIGKILL mid-batch', async () => {
    const marker = `killtest${letters(parseInt(randomBytes(3).toString('hex'), 16))}`;
    const env = testEnv({ extra: { WORKER_CONCURRENCY: '4' } });
    const apiApp = await startApi(env);
    apps.push(apiApp);
    const first = await startWorker(env);
    apps.push(first);

    const total = 600;
    for (let batch = 0; batch < total / 20; batch++) {
      const messages = Array.from({ length: 20 }, (_, i) => ({
        from: `3162${String(batch * 20 + i).padStart(7, '0')}`,
        text: `${marker} vraag ${letters(batch * 20 + i)} over de open dag`,
      }));
      expect((await postWebhook(apiApp.url, waTextWebhook(messages))).status).toBe(200);
    }
    await waitFor(async () => (await countMarked(marker)) > 20, 60_000);
    await first.kill('SIGKILL');
    const atKill = await countMarked(marker);
    expect(atKill).toBeLessThan(total);

    apps.push(await startWorker(env));
    await waitFor(async () => (await countMarked(marker)) >= total, 120_000);
    await new Promise((r) => setTimeout(r, 3000)); // stalled jobs that re-run must not add rows
    expect(await countMarked(marker)).toBe(total);
    const distinct = await db.query(
      `SELECT count(DISTINCT external_hash) AS n FROM messages WHERE text_pseudo LIKE $1`,
      [`%${marker}%`],
    );
    expect(Number(distinct.rows[0].n)).toBe(total);
  });

  it('answers 200 while Redis is down and processes everything once it is back', async () => {
    const marker = `redistest${letters(parseInt(randomBytes(3).toString('hex'), 16))}`;
    const port = await freePort();
    let redis = await startRedis(port);
    const env = testEnv({ redisUrl: `redis://127.0.0.1:${port}`, redisPrefix: `wcfault-${marker}` });
    const apiApp = await startApi(env);
    apps.push(apiApp);
    apps.push(await startWorker(env));
    try {
      const send = (i: number) =>
        postWebhook(
          apiApp.url,
          waTextWebhook([
            { from: `3163${String(i).padStart(7, '0')}`, text: `${marker} bericht ${letters(i)}` },
          ]),
        );
      expect((await send(0)).status).toBe(200);
      await waitFor(async () => (await countMarked(marker)) === 1, 30_000);

      redis.kill('SIGKILL');
      await new Promise((r) => redis.once('exit', r));
      const statuses: number[] = [];
      for (let i = 1; i <= 20; i++) statuses.push((await send(i)).status);
      expect(statuses).toEqual(Array(20).fill(200));
      await new Promise((r) => setTimeout(r, 1500));
      expect(await countMarked(marker)).toBe(1);

      redis = await startRedis(port);
      await waitFor(
        async () => (await countMarked(marker)) === 21,
        90_000,
        () => apps.map((a) => a.output).join('\n'),
      );
    } finally {
      redis.kill('SIGKILL');
    }
  });
});

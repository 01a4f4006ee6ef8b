import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';

describe('demo seed', () => {
  it('refuses to run with NODE_ENV=production (its users share a published password)', () => {
    const run = spawnSync(
      process.execPath,
      [resolve(__dirname, '../../dist/apps/api/src/demo/seed.main.js')],
      {
        env: {
          PATH: process.env.PATH ?? '',
          NODE_ENV: 'production',
          DATABASE_URL: process.env.TEST_APP_DATABASE_URL!,
          APP_SECRET: randomBytes(24).toString('hex'),
          DATA_KEY: randomBytes(32).toString('base64'),
        },
        encoding: 'utf8',
        timeout: 30_000,
      },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Refusing to seed demo data with NODE_ENV=production/);
  });
});

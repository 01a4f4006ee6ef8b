import { Client } from 'pg';
import { AppProcess, startApi, startWorker, testEnv, type TestEnvOptions } from './processes';
import { connectTestDatabase } from './databases';

export interface IngestApps {
  apiApp: AppProcess & { url: string };
  worker: AppProcess;
  db: Client;
  /** A `SELECT count(*) AS n …` as a number. */
  count(sql: string, params?: unknown[]): Promise<number>;
}

/**
 * Registers the file's beforeAll/afterAll (call it inside the describe): the built api and worker with
 * the test environment (`envOptions` as testEnv takes them), and a connection to the run's database.
 * The fields are set once beforeAll ran.
 */
export function ingestApps(envOptions: TestEnvOptions = {}): IngestApps {
  const apps = {
    count: async (sql: string, params: unknown[] = []) =>
      Number((await apps.db.query(sql, params)).rows[0].n),
  } as IngestApps;

  beforeAll(async () => {
    const env = testEnv(envOptions);
    apps.apiApp = await startApi(env);
    apps.worker = await startWorker(env);
    apps.db = await connectTestDatabase();
  });

  afterAll(async () => {
    await apps.db?.end();
    await apps.worker?.kill();
    await apps.apiApp?.kill();
  });

  return apps;
}

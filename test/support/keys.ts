import { Client } from 'pg';
import { defaultKeysDatabaseUrl, KeyRing, KeyStore, loadConfig } from '../../libs/platform/src';

/** The run's key ring (lookup hashes, sealing); its key store is the run's `_keys` database. */
export function testKeyRing(): KeyRing {
  const config = loadConfig({
    NODE_ENV: 'test',
    DATA_KEY: process.env.TEST_DATA_KEY,
    DATABASE_URL: process.env.TEST_DATABASE_URL,
  });
  return new KeyRing(config, new KeyStore(config));
}

/** A connection to the key store beside the given main database (the run's by default). */
export async function connectKeyStore(databaseUrl = process.env.TEST_DATABASE_URL!): Promise<Client> {
  const client = new Client({ connectionString: defaultKeysDatabaseUrl(databaseUrl) });
  await client.connect();
  return client;
}

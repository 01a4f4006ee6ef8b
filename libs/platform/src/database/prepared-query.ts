import { PoolClient } from 'pg';
import { EntityManager } from 'typeorm';

/**
 * Runs a hot-path statement as a named prepared statement on the transaction's connection, so
 * Postgres parses and plans it once per connection instead of on every message. Returns the rows
 * for any statement kind. Outside a transaction it falls back to a plain query.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  name: string,
  text: string,
  values: unknown[],
): Promise<T[]> {
  const runner = manager.queryRunner;
  if (!runner || runner.isReleased) return manager.query(text, values);
  const client = (await (runner as unknown as { connect(): Promise<PoolClient> }).connect()) as PoolClient;
  const result = await client.query<T & object>({ name, text, values });
  return result.rows;
}

import { EntityManager } from 'typeorm';

/**
 * TypeORM's postgres driver answers UPDATE/DELETE … RETURNING with [rows, affectedCount] but
 * INSERT … RETURNING with rows; this gives rows for all three.
 */
export async function queryReturning<T>(
  manager: EntityManager,
  sql: string,
  params: unknown[],
): Promise<T[]> {
  const result: unknown = await manager.query(sql, params);
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}

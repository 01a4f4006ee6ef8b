/**
 * A legal hold is active until released or past its expiry. The one definition of that rule in
 * SQL: the due-case query, the sweep's re-check and the hold list (filter and `active` field) all use it.
 */
export function activeHoldSql(alias: string): string {
  return `${alias}.released_at IS NULL AND (${alias}.expires_at IS NULL OR ${alias}.expires_at > now())`;
}

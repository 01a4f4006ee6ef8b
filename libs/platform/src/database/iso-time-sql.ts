/**
 * A timestamptz column as the ISO text `Date.toISOString()` gives for the value node-postgres reads
 * (UTC, milliseconds, the microseconds cut off), so a row can be answered as it is selected.
 */
export function isoTimeSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

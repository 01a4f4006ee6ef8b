/**
 * A timestamptz column as the ISO text `Date.toISOString()` gives for the value node-postgres reads
 * (UTC, milliseconds, the microseconds cut off), so a row can be answered as it is selected.
 */
export function isoTimeSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/** A row's type when its times are selected through isoTimeSql: each Date field becomes ISO text. */
export type IsoTimes<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K];
};

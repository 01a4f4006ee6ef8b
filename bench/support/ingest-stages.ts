import { Client } from 'pg';
import { OpenLoopResult, percentile, printTable, sortedCopy } from './load';
import { keyHasher } from './social';

// The ingest bench's stages and the legs of each message's way through the pipeline.

export interface Stage {
  label: string;
  rate: number;
  load: OpenLoopResult;
  ids: string[];
  processedPerS: number;
  drained: boolean;
  drainMs: number;
  cpu: Record<string, number>;
}

/** One message's times, ms: sent → stored by the api → filed by the worker → its socket event. */
export interface Legs {
  e2e?: number;
  toStored: number;
  toWorker: number;
  toSocket?: number;
}

/**
 * Webhook response times per slice of the stage, beside the api's store leg and the worker's
 * filing rate in the same slice: shows whether a tail is a start-up transient or steady, and
 * which side it comes from.
 */
export function printTimeline(
  st: Stage,
  sentAt: Map<string, number>,
  perWamid: Map<string, Legs>,
  sliceMs: number,
): void {
  const slice = (t: number) => Math.floor((t - st.load.startedAt) / sliceMs);
  const add = (m: Map<number, number[]>, s: number, v: number) => {
    const xs = m.get(s);
    if (xs) xs.push(v);
    else m.set(s, [v]);
  };
  const answered = new Map<number, number[]>();
  st.load.latencies.forEach((ms, i) => add(answered, slice(st.load.sendTimes[i]), ms));
  const stored = new Map<number, number[]>();
  const filed = new Map<number, number>();
  for (const id of st.ids) {
    const sent = sentAt.get(id);
    const m = perWamid.get(id);
    if (sent === undefined || !m) continue;
    add(stored, slice(sent), m.toStored);
    const f = slice(sent + m.toStored + m.toWorker);
    filed.set(f, (filed.get(f) ?? 0) + 1);
  }
  const rows: (string | number)[][] = [
    ['from s', 'answered', 'p50 ms', 'p99 ms', 'max ms', 'send→stored p99', 'filed by worker'],
  ];
  for (const [s, xs] of [...answered].sort((a, b) => a[0] - b[0])) {
    const sorted = sortedCopy(xs);
    rows.push([
      (s * sliceMs) / 1000,
      xs.length,
      percentile(sorted, 50),
      percentile(sorted, 99),
      sorted[sorted.length - 1],
      percentile(sortedCopy(stored.get(s) ?? []), 99),
      filed.get(s) ?? 0,
    ]);
  }
  printTable(rows);
}

/**
 * Joins sends to stored messages and socket events: messages.external_hash is the keyed hash of the
 * message key the bench sent (it chose DATA_KEY), so one query pairs them exactly. Keyed by the
 * message key (`<channel>:msg:<id>`).
 */
export async function joinLegs(
  db: Client,
  dataKey: string,
  sentAt: Map<string, number>,
  received: Map<string, number>,
): Promise<Map<string, Legs>> {
  const hashOf = keyHasher(dataKey);
  const byHash = new Map<string, string>();
  for (const id of sentAt.keys()) byHash.set(hashOf(id), id);
  const { rows } = await db.query<{ id: string; h: string; received: number; created: number }>(
    `SELECT m.id, encode(m.external_hash, 'hex') AS h,
            extract(epoch FROM e.received_at) * 1000 AS received, extract(epoch FROM m.created_at) * 1000 AS created
       FROM messages m JOIN inbound_events e
         ON e.channel_account_id = m.channel_account_id AND e.external_hash = m.external_hash
      WHERE m.direction = 'in'`,
  );
  const perWamid = new Map<string, Legs>();
  for (const r of rows) {
    const wamid = byHash.get(r.h);
    if (!wamid) continue;
    const sent = sentAt.get(wamid)!;
    const got = received.get(r.id);
    perWamid.set(wamid, {
      e2e: got === undefined ? undefined : got - sent,
      toStored: Number(r.received) - sent,
      toWorker: Number(r.created) - Number(r.received),
      toSocket: got === undefined ? undefined : got - Number(r.created),
    });
  }
  return perWamid;
}

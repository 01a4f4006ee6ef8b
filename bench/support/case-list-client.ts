import http from 'node:http';
import type { AppProcess } from '../../test/support/processes';
import { nowMs } from './load';

// The case-list bench's client side: timed `GET /api/cases` requests, checked page by page.

export interface ListItem {
  id: string;
  status: string;
  teamId: string;
  lastMessageAt: string;
  preview: string;
}
export interface ListBody {
  items: ListItem[];
  nextCursor: string | null;
}

interface Res {
  status: number;
  ms: number;
  body: string;
}

function getOnce(agent: http.Agent, port: number, path: string, token: string): Promise<Res> {
  return new Promise((resolve) => {
    const t0 = nowMs();
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () =>
          resolve({ status: r.statusCode ?? 0, ms: nowMs() - t0, body: Buffer.concat(chunks).toString() }),
        );
        r.on('error', () => resolve({ status: -1, ms: nowMs() - t0, body: '' }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: -1, ms: nowMs() - t0, body: String(e) }));
    req.end();
  });
}

const listPath = (page: number, status: string, cursor?: string | null) =>
  `/api/cases?status=${status}&limit=${page}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;

export interface Who {
  label: string;
  token: string;
  view: 'original' | 'pseudonymized';
}

export class Scenario {
  readonly lat: number[] = [];
  errors = 0;
  badPreviews = 0;
  firstError = '';
  constructor(
    readonly name: string,
    readonly who: Who,
  ) {}
}

export type TimedList = (
  sc: Scenario | null,
  who: Who,
  status: string,
  cursor: string | null,
  httpAgent?: http.Agent,
) => Promise<ListBody | null>;

/**
 * One timed request for a page of the list, as `who`; the page is checked (status filter, team,
 * a preview, and for the agent a decrypted preview where the lead saw a pseudonymized one) and the
 * time and errors counted in `sc` (none when null). Returns the body, or null on error.
 */
export function timedList(o: {
  api: AppProcess;
  port: number;
  teamId: string;
  page: number;
  agent: http.Agent;
}): TimedList {
  const pseudoById = new Map<string, string>(); // lead's previews, to tell decrypted from pseudo
  return async (
    sc: Scenario | null,
    who: Who,
    status: string,
    cursor: string | null,
    httpAgent: http.Agent = o.agent,
  ): Promise<ListBody | null> => {
    if (!o.api.alive) throw new Error(`api died: ${o.api.exitInfo}\n${o.api.output.slice(-3000)}`);
    const r = await getOnce(httpAgent, o.port, listPath(o.page, status, cursor), who.token);
    let body: ListBody | null = null;
    if (r.status === 200) {
      try {
        body = JSON.parse(r.body) as ListBody;
      } catch {
        body = null;
      }
    }
    if (!sc) return body;
    if (!body || !Array.isArray(body.items)) {
      sc.errors++;
      sc.firstError ||= `${r.status} ${r.body.slice(0, 300)}`;
      return null;
    }
    sc.lat.push(r.ms);
    for (const it of body.items) {
      const wrongStatus = status !== 'all' && it.status !== status;
      const bad =
        wrongStatus ||
        it.teamId !== o.teamId ||
        !it.preview ||
        (who.view === 'original' &&
          pseudoById.has(it.id) &&
          /\[[A-Z]+_1\]/.test(pseudoById.get(it.id)!) &&
          it.preview === pseudoById.get(it.id));
      if (bad) sc.badPreviews++;
      if (who.view === 'pseudonymized') pseudoById.set(it.id, it.preview);
    }
    return body;
  };
}

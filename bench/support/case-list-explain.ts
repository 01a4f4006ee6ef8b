import { Client } from 'pg';
import { CASE_LIST_SQL, caseListParams } from '../../apps/api/src/cases/cases.repository';

export interface ExplainCase {
  label: string;
  status: string | null;
  cursor: string | null;
}

export interface Explained {
  label: string;
  executionMs: number;
  plan: string;
}

/** The api's cursor (base64url of `<last_message_at>|<id>`) as the repository takes it. */
const decodeCursor = (c: string | null) => {
  if (!c) return null;
  const [at, id] = Buffer.from(c, 'base64url').toString('utf8').split('|');
  return { at, id };
};

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the list SQL the api runs (CASE_LIST_SQL), for a team's pages,
 * each after three warm runs.
 */
export async function explainCaseList(
  db: Client,
  teamId: string,
  page: number,
  cases: ExplainCase[],
): Promise<Explained[]> {
  const explains: Explained[] = [];
  for (const e of cases) {
    const params = caseListParams({
      teamId,
      status: e.status,
      cursor: decodeCursor(e.cursor),
      limit: page + 1,
    });
    for (let i = 0; i < 3; i++) await db.query(CASE_LIST_SQL, params); // warm
    const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${CASE_LIST_SQL}`, params);
    const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const m = /Execution Time: ([\d.]+) ms/.exec(plan);
    explains.push({ label: e.label, executionMs: m ? Number(m[1]) : NaN, plan });
  }
  return explains;
}

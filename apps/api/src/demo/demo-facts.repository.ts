import { DataSource } from 'typeorm';

/**
 * Synthetic report facts for the demo: the twelve weeks before last, about 600 a week, so the demo
 * manager has trends to look at.
 */
export class DemoFactsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether facts older than last week exist (the demo's own conversations land in this week). */
  async hasPastFacts(): Promise<boolean> {
    const [past]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM case_facts WHERE week_start < date_trunc('week', now() AT TIME ZONE 'UTC')::date - 7`,
    );
    return past.n > 0;
  }

  /** Seeded, so every demo shows the same trends; returns how many facts it inserted. */
  async insertPastWeeks(): Promise<number> {
    await this.dataSource.query(`SELECT setseed(0.2026)`);
    const [inserted]: { n: number }[] = await this.dataSource.query(
      `WITH f AS (${SYNTHETIC_FACTS_SQL} RETURNING 1) SELECT count(*)::int AS n FROM f`,
      syntheticFactsParams({
        firstWeek: null,
        weeksBack: 13,
        weeks: 12,
        count: 7200,
        responseMinutes: 45,
        resolutionTailMinutes: 900,
      }),
    );
    return inserted.n;
  }
}

/** What `SYNTHETIC_FACTS_SQL` draws from: its weeks, how many facts, the two time scales. */
export interface SyntheticFacts {
  /** The first week: an ISO Monday, or null for `weeksBack` weeks before this one. */
  firstWeek: string | null;
  weeksBack: number;
  weeks: number;
  count: number;
  /** Mean of the exponential first-response time. */
  responseMinutes: number;
  /** Mean of the exponential tail added to it for the resolution time. */
  resolutionTailMinutes: number;
}

export function syntheticFactsParams(f: SyntheticFacts): (string | number | null)[] {
  return [f.firstWeek, f.weeksBack, f.weeks, f.count, f.responseMinutes, f.resolutionTailMinutes];
}

/**
 * Facts with a skewed mix like a real desk's (channels 60/30/10 %, languages 80/18/2 %, topics by a
 * power law, 15/75/10 % sentiment, 5 % escalated); also what the reports benchmark loads. Its
 * random() follows the session's setseed, so a caller that seeds gets the same facts every time.
 */
export const SYNTHETIC_FACTS_SQL = `INSERT INTO case_facts (week_start, channel, language, topic, sentiment, first_response_minutes, resolution_minutes, escalated)
  SELECT COALESCE($1::date, date_trunc('week', now() AT TIME ZONE 'UTC')::date - 7 * $2::int) + 7 * floor(r.w * $3::int)::int,
         CASE WHEN r.c < 0.6 THEN 'whatsapp' WHEN r.c < 0.9 THEN 'facebook' ELSE 'linkedin' END,
         CASE WHEN r.l < 0.8 THEN 'nl' WHEN r.l < 0.98 THEN 'en' ELSE 'other' END,
         (ARRAY['application','admission','programme','housing','tuition','schedule','open_day','student_finance','international','other','accessibility'])[1 + floor(power(r.t, 1.6) * 11)::int],
         CASE WHEN r.s < 0.15 THEN 'negative' WHEN r.s < 0.9 THEN 'neutral' ELSE 'positive' END,
         floor(-ln(1 - r.f) * $5::int)::int,
         floor(-ln(1 - r.f) * $5::int - ln(1 - r.x) * $6::int)::int,
         random() < 0.05
    FROM (SELECT random() AS w, random() AS c, random() AS l, random() AS t, random() AS s, random() AS f, random() AS x
            FROM generate_series(1, $4::int)) r`;

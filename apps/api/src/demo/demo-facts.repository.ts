import { DataSource } from 'typeorm';

/**
 * Synthetic report facts for the demo: twelve past weeks, about 600 a week, a skewed mix like a
 * real desk's, so the demo manager has trends to look at.
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
      `WITH f AS (
         INSERT INTO case_facts (week_start, channel, language, topic, sentiment, first_response_minutes, resolution_minutes, escalated)
         SELECT date_trunc('week', now() AT TIME ZONE 'UTC')::date - 7 * (2 + floor(r.w * 12)::int),
                CASE WHEN r.c < 0.6 THEN 'whatsapp' WHEN r.c < 0.9 THEN 'facebook' ELSE 'linkedin' END,
                CASE WHEN r.l < 0.8 THEN 'nl' WHEN r.l < 0.98 THEN 'en' ELSE 'other' END,
                (ARRAY['application','admission','programme','housing','tuition','schedule','open_day','student_finance','international','other','accessibility'])[1 + floor(power(r.t, 1.6) * 11)::int],
                CASE WHEN r.s < 0.15 THEN 'negative' WHEN r.s < 0.9 THEN 'neutral' ELSE 'positive' END,
                floor(-ln(1 - r.f) * 45)::int,
                floor(-ln(1 - r.f) * 45 - ln(1 - r.x) * 900)::int,
                random() < 0.05
           FROM (SELECT random() AS w, random() AS c, random() AS l, random() AS t, random() AS s, random() AS f, random() AS x
                   FROM generate_series(1, 7200)) r
         RETURNING 1
       )
       SELECT count(*)::int AS n FROM f`,
    );
    return inserted.n;
  }
}

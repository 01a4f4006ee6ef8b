import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import Redis from 'ioredis';
import { Client } from 'pg';
import { testKeyRing } from '../support/keys';
import { api, login, teamWithAgent, userWithRole } from '../support/api-client';
import { GraphStandIn } from '../support/graph-stand-in';
import { ADMIN, AppProcess, startApi, startWorker, testEnv, waitFor } from '../support/processes';
import { postWebhook, waTextWebhook } from '../support/whatsapp-payloads';
import { connectTestDatabase } from '../support/databases';

jest.setTimeout(180_000);

interface Fact {
  id: string;
  week_start: string;
  channel: string;
  language: string;
  topic: string;
  sentiment: string;
  first_response_minutes: number | null;
  resolution_minutes: number | null;
  escalated: boolean;
}

interface Report {
  minCell: number;
  from: string;
  to: string;
  weeks: string[];
  rows: Record<string, unknown>[];
}

/**
 * Trend reports end to end: built api + worker, real Postgres and Redis. Facts come from cases
 * answered and closed through the API; report figures come from facts planted in past weeks (the
 * current week is never reported).
 */
describe('trend reports', () => {
  const graph = new GraphStandIn();
  let apiApp: AppProcess & { url: string };
  let worker: AppProcess;
  let db: Client;
  let agent: Awaited<ReturnType<typeof teamWithAgent>>;
  const tokens: Record<string, string> = {};
  const keyRing = testKeyRing();

  beforeAll(async () => {
    await graph.start();
    const env = testEnv({ graphBaseUrl: graph.baseUrl });
    apiApp = await startApi(env);
    worker = await startWorker(env);
    db = await connectTestDatabase();
    agent = await teamWithAgent(apiApp.url, 'Admissions');
    tokens.agent = agent.token;
    const admin = await login(apiApp.url, ADMIN.email, ADMIN.password);
    tokens.admin = admin;
    for (const role of ['manager', 'privacy_officer', 'team_lead'] as const) {
      const teamId = role === 'team_lead' ? agent.teamId : undefined;
      tokens[role] = (await userWithRole(apiApp.url, admin, role, teamId)).token;
    }
  });

  afterAll(async () => {
    await db?.end();
    await worker?.kill();
    await apiApp?.kill();
    await graph.stop();
  });

  const caseOf = async (from: string): Promise<string> => {
    let caseId = '';
    await waitFor(async () => {
      const rows = await db.query(
        `SELECT c.id FROM cases c JOIN contacts ct ON ct.id = c.contact_id WHERE ct.external_hash = $1 ORDER BY c.created_at DESC LIMIT 1`,
        [keyRing.lookupHash(`whatsapp:user:${from}`)],
      );
      caseId = rows.rows[0]?.id ?? '';
      return Boolean(caseId);
    });
    return caseId;
  };
  const status = async (caseId: string) =>
    (await db.query(`SELECT status FROM cases WHERE id = $1`, [caseId])).rows[0]?.status as
      string | undefined;
  const factOf = async (caseId: string): Promise<Fact | undefined> =>
    (
      await db.query(
        `SELECT f.id, to_char(f.week_start, 'YYYY-MM-DD') AS week_start, f.channel, f.language, f.topic, f.sentiment,
                f.first_response_minutes, f.resolution_minutes, f.escalated
           FROM cases c JOIN case_facts f ON f.id = c.fact_id WHERE c.id = $1`,
        [caseId],
      )
    ).rows[0];
  const reply = async (caseId: string, text: string) => {
    const res = await api(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/replies`, { text });
    expect(res.status).toBe(201);
  };

  it('writes one anonymous fact when a case is answered, updates it on re-answer and close, keeps it after erasure', async () => {
    const from = `3164${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const planted = {
      name: 'Fenna Oudejans',
      email: `fenna.${randomBytes(3).toString('hex')}@example.nl`,
    };
    await postWebhook(
      apiApp.url,
      waTextWebhook([
        {
          from,
          name: planted.name,
          text: `Hoi, ik ben ${planted.name} (${planted.email}). Ik zoek al maanden een studentenkamer en vind niks, ik ben echt wanhopig.`,
        },
      ]),
    );
    const caseId = await caseOf(from);
    expect(await factOf(caseId)).toBeUndefined(); // open: no fact yet

    await reply(caseId, 'Wat vervelend! Kijk eens bij onze huisvestingspagina.');
    await waitFor(async () => (await status(caseId)) === 'answered');
    const first = (await factOf(caseId))!;
    const monday = (
      await db.query(`SELECT to_char(date_trunc('week', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS d`)
    ).rows[0].d;
    expect(first).toMatchObject({
      week_start: monday,
      channel: 'whatsapp',
      language: 'nl',
      topic: 'housing',
      sentiment: 'negative',
      escalated: false,
    });
    expect(first.first_response_minutes).toBe(0);

    // A new question reopens the case; answering again refreshes the same fact.
    await postWebhook(
      apiApp.url,
      waTextWebhook([{ from, text: 'Dank je! Hoeveel huur betaal je gemiddeld voor een kamer?' }]),
    );
    await waitFor(async () => (await status(caseId)) === 'open');
    await reply(caseId, 'Tussen 400 en 600 euro.');
    await waitFor(async () => (await status(caseId)) === 'answered');
    expect((await factOf(caseId))!.id).toBe(first.id);

    const closed = await api(apiApp.url, agent.token, 'POST', `/api/cases/${caseId}/close`);
    expect(closed.status).toBe(200);
    const final = (await factOf(caseId))!;
    expect(final.id).toBe(first.id);
    expect(final.resolution_minutes).not.toBeNull();

    // Nothing in the facts table leads back to the person, the case, the contact or the agent.
    const contactId = (await db.query(`SELECT contact_id FROM cases WHERE id = $1`, [caseId])).rows[0]
      .contact_id;
    const messageIds = (await db.query(`SELECT id FROM messages WHERE case_id = $1`, [caseId])).rows.map(
      (r) => r.id,
    );
    const dump = JSON.stringify((await db.query(`SELECT * FROM case_facts`)).rows).toLowerCase();
    const identifiers = [
      planted.name,
      'fenna',
      'oudejans',
      planted.email,
      from,
      caseId,
      contactId,
      agent.userId,
      agent.teamId,
      ...messageIds,
    ];
    for (const id of identifiers) expect(dump).not.toContain(String(id).toLowerCase());
    const columns = (
      await db.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'case_facts'`)
    ).rows.map((r) => r.column_name);
    expect(columns.sort()).toEqual(
      [
        'channel',
        'escalated',
        'first_response_minutes',
        'id',
        'language',
        'resolution_minutes',
        'sentiment',
        'topic',
        'week_start',
      ].sort(),
    );

    // Erasure deletes the case and the only link to its fact; the fact stays.
    const erased = await api<{ deleted: number }>(
      apiApp.url,
      tokens.privacy_officer,
      'POST',
      '/api/subjects/erase',
      {
        channel: 'whatsapp',
        externalId: from,
      },
    );
    expect(erased.status).toBe(200);
    expect((await db.query(`SELECT 1 FROM cases WHERE id = $1`, [caseId])).rowCount).toBe(0);
    expect((await db.query(`SELECT 1 FROM case_facts WHERE id = $1`, [first.id])).rowCount).toBe(1);
    expect((await db.query(`SELECT 1 FROM cases WHERE fact_id = $1`, [first.id])).rowCount).toBe(0);
  });

  describe('the report endpoints', () => {
    // Two past weeks of planted facts: 2024-W10 (Monday 2024-03-04) and 2024-W11. A mix like a real
    // desk's (mostly WhatsApp and Dutch, a few big topics), plus three LinkedIn questions about
    // accessibility: a cell below the minimum.
    beforeAll(async () => {
      for (const week of ['2024-03-04', '2024-03-11']) {
        await db.query(
          `INSERT INTO case_facts (week_start, channel, language, topic, sentiment, first_response_minutes, resolution_minutes, escalated)
           SELECT $1::date,
                  (ARRAY['whatsapp','whatsapp','whatsapp','whatsapp','whatsapp','whatsapp','facebook','facebook','facebook','linkedin'])[1 + g % 10],
                  CASE WHEN g % 7 = 0 THEN 'en' ELSE 'nl' END,
                  (ARRAY['admission','application','open_day','tuition','student_finance','housing','programme','schedule'])[1 + (g / 10) % 8],
                  CASE WHEN g % 5 = 0 THEN 'negative' WHEN g % 11 = 0 THEN 'positive' ELSE 'neutral' END,
                  g % 97, g % 97 * 10, g % 4 = 0
             FROM generate_series(1, 1200) g`,
          [week],
        );
        await db.query(
          `INSERT INTO case_facts (week_start, channel, language, topic, sentiment) SELECT $1::date, 'linkedin', 'nl', 'accessibility', 'neutral' FROM generate_series(1, 3)`,
          [week],
        );
      }
    });

    const trends = (token: string, query: string) =>
      api<Report>(apiApp.url, token, 'GET', `/api/reports/trends?${query}`);

    it('answers managers and the privacy officer with whole ISO weeks and suppressed small cells', async () => {
      const res = await trends(tokens.manager, 'from=2024-03-06&to=2024-03-12&groupBy=week,channel,topic');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        minCell: 10,
        from: '2024-03-04',
        to: '2024-03-17',
        weeks: ['2024-W10', '2024-W11'],
      });
      expect(res.body.rows).toHaveLength(2 * 3 * 11); // every combination, whether or not it occurred
      const row = (week: string, channel: string, topic: string) =>
        res.body.rows.find((r) => r.week === week && r.channel === channel && r.topic === topic)!;
      // 3 facts: below the minimum, published as null, no other figures. Zero cells likewise.
      expect(row('2024-W10', 'linkedin', 'accessibility')).toEqual({
        week: '2024-W10',
        channel: 'linkedin',
        topic: 'accessibility',
        count: null,
        suppressed: true,
      });
      expect(row('2024-W11', 'whatsapp', 'international')).toMatchObject({ count: null, suppressed: true });
      const published = res.body.rows.filter((r) => r.count !== null);
      expect(published.length).toBeGreaterThan(10);
      for (const r of res.body.rows) {
        if (r.count !== null) expect(r.count).toBeGreaterThanOrEqual(10);
        else expect(Object.keys(r).sort()).toEqual(['channel', 'count', 'suppressed', 'topic', 'week']);
      }
      // Published figures are the facts' own: count, medians, escalated share.
      const sample = published[0];
      const truth = (
        await db.query(
          `SELECT count(*)::int AS count,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY first_response_minutes) AS fr,
                  percentile_cont(0.5) WITHIN GROUP (ORDER BY resolution_minutes) AS res,
                  round(avg(escalated::int), 3)::float AS share
             FROM case_facts WHERE week_start = $1 AND channel = $2 AND topic = $3`,
          [sample.week === '2024-W10' ? '2024-03-04' : '2024-03-11', sample.channel, sample.topic],
        )
      ).rows[0];
      expect(sample).toEqual({
        week: sample.week,
        channel: sample.channel,
        topic: sample.topic,
        count: truth.count,
        medianFirstResponseMinutes: truth.fr,
        medianResolutionMinutes: truth.res,
        escalatedShare: truth.share,
      });
      // A range without the week: sums of cells published in every week, or suppressed.
      const byChannel = await trends(tokens.privacy_officer, 'from=2024-03-04&to=2024-03-17&groupBy=channel');
      expect(byChannel.status).toBe(200);
      expect(byChannel.body.rows.map((r) => r.channel)).toEqual(['whatsapp', 'facebook', 'linkedin']);
      const whatsapp = byChannel.body.rows[0];
      if (whatsapp.count !== null) expect(whatsapp.count).toBe(2 * 720);
    });

    it('never changes a sealed week', async () => {
      const before = await trends(tokens.manager, 'from=2024-03-04&to=2024-03-10&groupBy=channel,topic');
      await db.query(
        `INSERT INTO case_facts (week_start, channel, language, topic, sentiment) SELECT '2024-03-04', 'whatsapp', 'nl', 'housing', 'neutral' FROM generate_series(1, 5)`,
      );
      const after = await trends(tokens.manager, 'from=2024-03-04&to=2024-03-10&groupBy=channel,topic');
      expect(after.body.rows).toEqual(before.body.rows);
    });

    it('is sealed ahead of time by the worker', async () => {
      await db.query(
        `INSERT INTO case_facts (week_start, channel, language, topic, sentiment) SELECT '2024-03-25', 'whatsapp', 'nl', 'housing', 'neutral' FROM generate_series(1, 20)`,
      );
      const connection = new Redis(process.env.TEST_REDIS_URL!, { maxRetriesPerRequest: null });
      const queue = new Queue('reports', { connection, prefix: process.env.TEST_REDIS_PREFIX });
      try {
        await queue.add('reports.seal', {});
        await waitFor(
          async () =>
            (await db.query(`SELECT 1 FROM report_weeks WHERE week_start = '2024-03-25'`)).rowCount === 1,
          30_000,
        );
      } finally {
        await queue.close();
        connection.disconnect();
      }
      const sealed = await trends(tokens.manager, 'from=2024-03-25&to=2024-03-31&groupBy=week');
      expect(sealed.body.weeks).toEqual(['2024-W13']);
      expect(sealed.body.rows).toEqual([expect.objectContaining({ week: '2024-W13', count: 20 })]);
    });

    it('refuses every other role and bad input', async () => {
      for (const role of ['agent', 'team_lead', 'admin']) {
        const res = await trends(tokens[role], 'from=2024-03-04&to=2024-03-10');
        expect(res.status).toBe(403);
      }
      expect(
        (await api(apiApp.url, null, 'GET', '/api/reports/trends?from=2024-03-04&to=2024-03-10')).status,
      ).toBe(401);
      const bad = await trends(tokens.manager, 'from=2024-03-04&to=2024-03-10&groupBy=week,person');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ error: { code: 'REPORT_INVALID_GROUP_BY' } });
      const fine = await trends(
        tokens.manager,
        'from=2024-03-04&to=2024-03-10&groupBy=channel,topic,language',
      );
      expect(fine.status).toBe(400);
      expect(fine.body).toMatchObject({ error: { code: 'REPORT_TOO_DETAILED' } });
      const backwards = await trends(tokens.manager, 'from=2024-03-10&to=2024-03-01');
      expect(backwards.status).toBe(400);
      expect((await trends(tokens.manager, 'from=yesterday&to=2024-03-01')).status).toBe(400);
    });

    it('serves the same report as CSV with a header row and the same suppression', async () => {
      const json = await trends(tokens.manager, 'from=2024-03-04&to=2024-03-17&groupBy=week,channel');
      const res = await fetch(
        `${apiApp.url}/api/reports/trends.csv?from=2024-03-04&to=2024-03-17&groupBy=week,channel`,
        {
          headers: { authorization: `Bearer ${tokens.manager}` },
        },
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines[0]).toBe(
        'week,channel,count,suppressed,medianFirstResponseMinutes,medianResolutionMinutes,escalatedShare',
      );
      expect(lines).toHaveLength(json.body.rows.length + 1);
      json.body.rows.forEach((row, i) => {
        const cells = lines[i + 1].split(',');
        expect(cells.slice(0, 2)).toEqual([row.week, row.channel]);
        if (row.suppressed) expect(cells.slice(2)).toEqual(['', 'true', '', '', '']);
        else expect(cells.slice(2, 4)).toEqual([String(row.count), 'false']);
      });
      const forbidden = await fetch(`${apiApp.url}/api/reports/trends.csv?from=2024-03-04&to=2024-03-17`, {
        headers: { authorization: `Bearer ${tokens.agent}` },
      });
      expect(forbidden.status).toBe(403);
    });
  });
});

import { DemoFactsRepository } from '../../apps/api/src/demo/demo-facts.repository';
import { domainHarness } from '../support/domain-harness';

describe('demo report facts', () => {
  const h = domainHarness('demofacts', { redis: false });

  it('fills the twelve weeks before last once, seeded, with every channel', async () => {
    const repo = new DemoFactsRepository(h.ds);
    expect(await repo.hasPastFacts()).toBe(false);
    expect(await repo.insertPastWeeks()).toBe(7200);
    expect(await repo.hasPastFacts()).toBe(true);
    const [weeks] = await h.ds.query(
      `SELECT count(DISTINCT week_start)::int AS n,
              (date_trunc('week', now() AT TIME ZONE 'UTC')::date - min(week_start)) / 7 AS oldest,
              (date_trunc('week', now() AT TIME ZONE 'UTC')::date - max(week_start)) / 7 AS newest,
              count(DISTINCT channel)::int AS channels
         FROM case_facts`,
    );
    expect(weeks).toEqual({ n: 12, oldest: 13, newest: 2, channels: 3 });
  });
});

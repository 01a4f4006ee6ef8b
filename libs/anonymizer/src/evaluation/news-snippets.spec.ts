import { evaluateNewsAndSnippets } from './news-snippets';

/** Floors a little under what the engine reaches with names it was built without. */
const FLOORS = { news: 0.8, newsOverRedaction: 0.03, snippets: 0.88, precision: 0.97 };

describe('news-style sentences and name-only messages with unseen names', () => {
  it('finds the people in them and leaves the other words alone', () => {
    const { news, snippets } = evaluateNewsAndSnippets(200, 11);
    expect(news.score.overall.recall).toBeGreaterThanOrEqual(FLOORS.news);
    expect(news.score.overall.precision).toBeGreaterThanOrEqual(FLOORS.precision);
    expect(news.overRedaction).toBeLessThanOrEqual(FLOORS.newsOverRedaction);
    expect(snippets.score.overall.recall).toBeGreaterThanOrEqual(FLOORS.snippets);
    expect(snippets.score.overall.precision).toBeGreaterThanOrEqual(FLOORS.precision);
  }, 180_000);
});

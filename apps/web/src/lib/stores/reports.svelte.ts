import { api, ok } from '$lib/api/client';
import type { Trends } from '$lib/api/types';
import { lastWeeks, mondayOf, sundayOf } from '$lib/format/weeks';

export type GroupKey = 'week' | 'channel' | 'topic' | 'language' | 'sentiment';

/** The manager's trend report (GET /api/reports/trends, contract shape): whole ISO weeks only. */
class Reports {
  from = $state(lastWeeks(8).from);
  to = $state(lastWeeks(8).to);
  groupBy = $state<GroupKey[]>(['week', 'channel', 'topic']);
  data = $state<Trends | null>(null);
  loading = $state(false);
  error = $state<unknown>(null);

  setRange(from: string, to: string): void {
    this.from = mondayOf(from);
    this.to = sundayOf(to < from ? from : to);
  }

  query(): { from: string; to: string; groupBy: string } {
    return { from: this.from, to: this.to, groupBy: this.groupBy.join(',') };
  }

  async load(): Promise<void> {
    this.loading = true;
    try {
      this.data = await ok(api.GET('/api/reports/trends', { params: { query: this.query() } }));
      this.error = null;
    } catch (err) {
      this.data = null;
      this.error = err;
    } finally {
      this.loading = false;
    }
  }

  /** The same report as CSV, saved through a temporary link (the API needs the bearer token). */
  async downloadCsv(): Promise<void> {
    const csv = await ok<string>(
      api.GET('/api/reports/trends.csv', { params: { query: this.query() }, parseAs: 'text' }),
    );
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `trends-${this.from}-${this.to}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
}

export const reports = new Reports();

import { api, ok } from '$lib/api/client';
import type { CaseListItem, Channel } from '$lib/api/types';
import { debounce } from './debounce';

export type StatusFilter = 'open' | 'answered' | 'closed' | 'all';
export type AssigneeFilter = 'any' | 'mine' | 'unassigned';
const PAGE = 200;

/** The agent's queue: one status page from the API, narrowed by channel and assignee here. */
class Queue {
  status = $state<StatusFilter>('open');
  channel = $state<Channel | 'any'>('any');
  assignee = $state<AssigneeFilter>('any');
  // Raw: replaced wholesale on every load, never mutated, so no deep proxy over thousands of rows.
  items = $state.raw<CaseListItem[]>([]);
  nextCursor = $state<string | null>(null);
  loading = $state(false);
  error = $state<unknown>(null);
  private seq = 0;

  visible(userId: string): CaseListItem[] {
    return this.items.filter(
      (c) =>
        (this.channel === 'any' || c.channel === this.channel) &&
        (this.assignee === 'any' ||
          (this.assignee === 'mine' ? c.assigneeId === userId : c.assigneeId === null)),
    );
  }

  setStatus(status: StatusFilter): void {
    if (status === this.status) return;
    this.status = status;
    this.items = [];
    void this.load();
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    this.loading = true;
    try {
      const limit = Math.min(PAGE, Math.max(50, this.items.length));
      const page = await ok(
        api.GET('/api/cases', { params: { query: { status: this.status, limit } } }),
      );
      if (mine !== this.seq) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor ?? null;
      this.error = null;
    } catch (err) {
      if (mine === this.seq) this.error = err;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }

  async loadMore(): Promise<void> {
    if (!this.nextCursor) return;
    const mine = ++this.seq;
    this.loading = true;
    try {
      const page = await ok(
        api.GET('/api/cases', { params: { query: { status: this.status, cursor: this.nextCursor, limit: PAGE } } }),
      );
      if (mine !== this.seq) return;
      const known = new Set(this.items.map((i) => i.id));
      this.items = [...this.items, ...page.items.filter((i) => !known.has(i.id))];
      this.nextCursor = page.nextCursor ?? null;
    } catch (err) {
      if (mine === this.seq) this.error = err;
    } finally {
      if (mine === this.seq) this.loading = false;
    }
  }

  /** Live events arrive in bursts; one reload covers a burst. */
  refresh = debounce(() => void this.load(), 250);
}

export const queue = new Queue();

import { api, ok } from '$lib/api/client';
import type { Team } from '$lib/api/types';

/** Team names, loaded once per session (every role may list them). */
class Teams {
  items = $state<Team[] | null>(null);
  private loading: Promise<void> | null = null;

  load(force = false): Promise<void> {
    if (this.loading && !force) return this.loading;
    this.loading = ok(api.GET('/api/teams'))
      .then((page) => {
        this.items = page.items;
      })
      .catch(() => {
        this.loading = null;
      });
    return this.loading;
  }

  name(id: string | null | undefined): string | null {
    return this.items?.find((t) => t.id === id)?.name ?? null;
  }
}

export const teams = new Teams();

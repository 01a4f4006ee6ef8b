import { api, ok } from '$lib/api/client';
import type { ConsentPurpose } from '$lib/api/consent-purposes';
import type { Escalation } from '$lib/api/types';
import { debounce } from './debounce';

/** Escalations addressed to the caller's team, pseudonymized by the API. */
class Escalations {
  items = $state<Escalation[]>([]);
  loaded = $state(false);
  error = $state<unknown>(null);
  private seq = 0;

  get openCount(): number {
    return this.items.filter((e) => e.status === 'open').length;
  }

  async load(): Promise<void> {
    const mine = ++this.seq;
    try {
      const page = await ok(api.GET('/api/escalations'));
      if (mine !== this.seq) return;
      this.items = page.items;
      this.error = null;
    } catch (err) {
      if (mine === this.seq) this.error = err;
    } finally {
      if (mine === this.seq) this.loaded = true;
    }
  }

  refresh = debounce(() => void this.load(), 250);

  async answer(id: string, text: string): Promise<void> {
    await ok(api.POST('/api/escalations/{id}/answer', { params: { path: { id } }, body: { text } }));
    await this.load();
  }

  async takeOver(id: string): Promise<void> {
    await ok(api.POST('/api/escalations/{id}/take-over', { params: { path: { id } } }));
    await this.load();
  }

  async askConsent(caseId: string, teamId: string, purpose: ConsentPurpose): Promise<void> {
    await ok(api.POST('/api/cases/{id}/consents', { params: { path: { id: caseId } }, body: { teamId, purpose } }));
    await this.load();
  }
}

export const escalations = new Escalations();

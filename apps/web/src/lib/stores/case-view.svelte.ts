import { api, ok } from '$lib/api/client';
import type { ConsentPurpose } from '$lib/api/consent-purposes';
import type { components } from '$lib/api/schema';
import type { CaseDetail, DraftCheck, HandoverPreview, QueuedReply } from '$lib/api/types';
import { debounce } from './debounce';
import { queue } from './queue.svelte';
import { realtime } from './realtime.svelte';

/** The open case and what an agent does with it. */
class CaseView {
  id = $state<string | null>(null);
  detail = $state<CaseDetail | null>(null);
  error = $state<unknown>(null);
  actionError = $state<unknown>(null);
  busy = $state(false);
  private seq = 0;

  select(id: string | null): void {
    if (id === this.id) return;
    this.id = id;
    this.detail = null;
    this.error = null;
    this.actionError = null;
    realtime.view(id);
    if (id) void this.load();
  }

  async load(): Promise<void> {
    const id = this.id;
    if (!id) return;
    const mine = ++this.seq;
    try {
      const detail = await ok(api.GET('/api/cases/{id}', { params: { path: { id } } }));
      if (mine !== this.seq || id !== this.id) return;
      this.detail = detail;
      this.error = null;
    } catch (err) {
      if (mine !== this.seq || id !== this.id) return;
      this.detail = null;
      this.error = err;
    }
  }

  refresh = debounce(() => void this.load(), 250);

  private async act(fn: (id: string) => Promise<unknown>): Promise<boolean> {
    const id = this.id;
    if (!id) return false;
    this.busy = true;
    try {
      await fn(id);
      this.actionError = null;
      return true;
    } catch (err) {
      this.actionError = err;
      return false;
    } finally {
      this.busy = false;
      void this.load();
      queue.refresh();
    }
  }

  take(userId: string): Promise<boolean> {
    return this.act((id) => ok(api.POST('/api/cases/{id}/assign', { params: { path: { id } }, body: { userId } })));
  }

  close(): Promise<boolean> {
    return this.act((id) => ok(api.POST('/api/cases/{id}/close', { params: { path: { id } } })));
  }

  check(text: string): Promise<DraftCheck> {
    const id = this.id!;
    return ok(api.POST('/api/cases/{id}/replies/check', { params: { path: { id } }, body: { text } }));
  }

  async reply(text: string, visibility?: 'public' | 'private'): Promise<QueuedReply> {
    const id = this.id!;
    // `visibility` is in the contract for comment cases; this API build's ReplyDto has text only.
    const body = visibility ? ({ text, visibility } as { text: string }) : { text };
    const result = await ok(api.POST('/api/cases/{id}/replies', { params: { path: { id } }, body }));
    void this.load();
    queue.refresh();
    return result;
  }

  async addNote(text: string): Promise<void> {
    const id = this.id!;
    await ok(api.POST('/api/cases/{id}/notes', { params: { path: { id } }, body: { text } }));
    void this.load();
  }

  async escalate(toTeamId: string, note: string): Promise<void> {
    const id = this.id!;
    await ok(api.POST('/api/cases/{id}/escalations', { params: { path: { id } }, body: { toTeamId, note } }));
  }

  async askConsent(teamId: string, purpose: ConsentPurpose): Promise<void> {
    const id = this.id!;
    await ok(api.POST('/api/cases/{id}/consents', { params: { path: { id } }, body: { teamId, purpose } }));
  }

  /** What the receiving team would see (with the draft note, if any). */
  preview(toTeamId: string, note?: string): Promise<HandoverPreview> {
    const id = this.id!;
    return ok(
      api.GET('/api/cases/{id}/handover-preview', {
        params: { path: { id }, query: { toTeamId, ...(note ? { note } : {}) } },
      }),
    );
  }

  redact(messageId: string, start: number, end: number, type: EntityType): Promise<{ id: string; token: string }> {
    const id = this.id!;
    return ok(api.POST('/api/cases/{id}/redactions', { params: { path: { id } }, body: { messageId, start, end, type } }));
  }
}

type EntityType = components['schemas']['CreateRedactionDto']['type'];

export const caseView = new CaseView();

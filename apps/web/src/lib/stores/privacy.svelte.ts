import { api, ok } from '$lib/api/client';
import type {
  AccountRetention,
  AuditEvent,
  AuditVerify,
  Channel,
  DeletionReceipt,
  LegalHold,
  LegalHoldReasonCode,
  RetentionPolicy,
} from '$lib/api/types';

/** The privacy officer's data: retention, holds, receipts, the audit trail. */
class Privacy {
  policies = $state<RetentionPolicy[]>([]);
  accounts = $state<AccountRetention[]>([]);
  holds = $state<LegalHold[]>([]);
  receipts = $state<DeletionReceipt[]>([]);
  audit = $state<AuditEvent[]>([]);
  auditCursor = $state<string | null>(null);
  verify = $state<AuditVerify | null>(null);

  async loadRetention(): Promise<void> {
    const r = await ok(
      api.GET('/api/retention-policies'),
    );
    this.policies = r.items;
    this.accounts = r.accounts ?? [];
  }

  async setPolicy(channel: Channel, period: string): Promise<void> {
    await ok(
      api.PUT('/api/retention-policies/{channel}', { params: { path: { channel } }, body: { period } }),
    );
    await this.loadRetention();
  }

  async setAccountRetention(id: string, period: string | null): Promise<void> {
    await ok(api.PUT('/api/channel-accounts/{id}/retention', { params: { path: { id } }, body: { period } }));
    await this.loadRetention();
  }

  async loadHolds(): Promise<void> {
    this.holds = (
      await ok(api.GET('/api/legal-holds', { params: { query: { status: 'all' } } }))
    ).items;
  }

  async placeHold(caseId: string, reasonCode: LegalHoldReasonCode, note: string): Promise<void> {
    const body = note ? { reasonCode, note } : { reasonCode };
    await ok(api.POST('/api/cases/{id}/legal-holds', { params: { path: { id: caseId } }, body }));
    await this.loadHolds();
  }

  async releaseHold(id: string): Promise<void> {
    await ok(api.DELETE('/api/legal-holds/{id}', { params: { path: { id } } }));
    await this.loadHolds();
  }

  async loadReceipts(): Promise<void> {
    this.receipts = (
      await ok(api.GET('/api/deletions', { params: { query: { limit: 100 } } }))
    ).items;
  }

  async sweep(): Promise<number> {
    const r = await ok(api.POST('/api/retention/sweep'));
    await this.loadReceipts();
    return r.deleted;
  }

  async loadAudit(more = false): Promise<void> {
    const cursor = more ? (this.auditCursor ?? undefined) : undefined;
    const page = await ok(
      api.GET('/api/audit', { params: { query: { limit: 50, cursor } } }),
    );
    this.audit = more ? [...this.audit, ...page.items] : page.items;
    this.auditCursor = page.nextCursor ?? null;
  }

  async verifyAudit(): Promise<AuditVerify> {
    this.verify = await ok(api.GET('/api/audit/verify'));
    return this.verify;
  }

  /** A signed { events, head, at } to keep outside the system. */
  checkpoint(): Promise<unknown> {
    return ok(api.GET('/api/audit/checkpoint'));
  }

  exportSubject(channel: Channel, externalId: string): Promise<unknown> {
    return ok(api.POST('/api/subjects/export', { body: { channel, externalId } }));
  }

  eraseSubject(channel: Channel, externalId: string): Promise<{ deleted: number; held?: number }> {
    return ok(api.POST('/api/subjects/erase', { body: { channel, externalId } }));
  }
}

export const privacy = new Privacy();

/** Saves JSON as a file through a temporary link. */
export function downloadJson(name: string, data: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

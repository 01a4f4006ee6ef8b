import type { AuditEntry, AuditService, PseudonymVaultStore } from '@webcare/domain';
import { CaseEntity, type KeyRing, type RealtimeEmitter } from '@webcare/platform';
import type { DataSource, EntityManager } from 'typeorm';
import { CaseAccessService } from '../../apps/api/src/cases/case-access.service';
import type { CasesRepository } from '../../apps/api/src/cases/cases.repository';

/**
 * Hand-written stand-ins for what API services call besides their repositories, for fast unit
 * tests of the services' rules. No database: repositories are faked per feature, next to the spec.
 */

/** Repositories receive it and never look inside. */
export const FAKE_MANAGER = { fake: 'entity manager' } as unknown as EntityManager;

/** Runs the transaction body at once with FAKE_MANAGER; a throw is what a rollback would see. */
export function fakeDataSource(): DataSource {
  return {
    manager: FAKE_MANAGER,
    transaction: <T>(work: (m: EntityManager) => Promise<T>) => work(FAKE_MANAGER),
  } as unknown as DataSource;
}

export class FakeAudit {
  readonly entries: AuditEntry[] = [];
  async record(_m: EntityManager, entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
  async recordNow(entry: AuditEntry): Promise<void> {
    this.entries.push(entry);
  }
}

export class FakeRealtime {
  readonly events: { rooms: string[]; event: string; payload: unknown }[] = [];
  emit(rooms: string[], event: string, payload: unknown): void {
    this.events.push({ rooms, event, payload });
  }
}

/** Data keys by id; a missing id is a shredded (deleted) case. */
export class FakeKeyRing {
  readonly keys = new Map<string, Buffer>();
  async loadDataKey(id: string): Promise<Buffer | null> {
    return this.keys.get(id) ?? null;
  }
}

/** Pseudonymizes by a marker, so tests can tell what went through it. */
export class FakeVaults {
  async pseudonymize(_m: EntityManager, _caseId: string, _key: Buffer, text: string) {
    return { text: `pseudo:${text}`, entities: [], special: [], newEntries: [], withheld: false };
  }
}

export function fakeCase(fields: Partial<CaseEntity> = {}): CaseEntity {
  return Object.assign(new CaseEntity(), {
    id: '6f1c1c57-8d7e-4d1b-9a57-3a1b0e1f0a01',
    channel: 'whatsapp',
    channelAccountId: 'account-1',
    contactId: 'contact-1',
    teamId: 'team-1',
    assigneeId: null,
    status: 'open',
    dataKeyId: 'key-1',
    threadHash: null,
    noticeVersion: null,
    retentionPeriod: null,
    ...fields,
  });
}

/**
 * What a service working on one case takes besides its own repository, typed as the real parts so
 * they go straight into its constructor, and as the fakes so tests can read what they were told:
 * `cases` is the spec's fake cases repository, the case's data key is in the key ring.
 */
export function caseServiceFakes(cases: unknown, kase: CaseEntity, dataKey: Buffer) {
  const dataSource = fakeDataSource();
  const casesRepository = cases as CasesRepository;
  const keyRing = new FakeKeyRing();
  keyRing.keys.set(kase.dataKeyId, dataKey);
  return {
    dataSource,
    cases: casesRepository,
    access: new CaseAccessService(dataSource, casesRepository),
    keyRing: keyRing as FakeKeyRing & KeyRing,
    vaults: new FakeVaults() as unknown as PseudonymVaultStore,
    audit: new FakeAudit() as FakeAudit & AuditService,
    realtime: new FakeRealtime() as FakeRealtime & RealtimeEmitter,
  };
}

/** Runs `work` and returns the DomainError-shaped failure it throws. */
export async function failureOf(
  work: Promise<unknown>,
): Promise<{ code: string; status: number; message: string }> {
  try {
    await work;
  } catch (err) {
    const { code, status, message } = err as { code: string; status: number; message: string };
    return { code, status, message };
  }
  throw new Error('expected a failure');
}

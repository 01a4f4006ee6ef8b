import { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { KeyRing } from '@webcare/platform';
import { CaseTarget } from './case-deletion';
import { CaseShredder } from './case-shredder.service';
import { DeletedCaseTraces } from './deleted-case-traces.service';
import { NewReceipt, RetentionRepository } from './retention.repository';

const m = {} as EntityManager;

const target = (id: string, over: Partial<CaseTarget> = {}): CaseTarget => ({
  id,
  teamId: 'team-1',
  contactId: `contact-of-${id}`,
  dataKeyId: `key-of-${id}`,
  reason: 'retention',
  policy: 'P30D',
  ...over,
});

/** A repository fake over an in-memory set of cases, recording the order of what it was asked. */
function setUp(opts: { held?: string[]; receiptExists?: string[]; sharedContact?: boolean } = {}) {
  const calls: string[] = [];
  const receipts: NewReceipt[] = [];
  const audited: unknown[] = [];
  const repository = {
    heldCaseIds: async (_m: EntityManager, ids: string[]) => {
      calls.push('heldCaseIds');
      return new Set(ids.filter((id) => opts.held?.includes(id)));
    },
    deleteCaseRows: async (_m: EntityManager, ids: string[]) => {
      calls.push(`deleteCaseRows:${ids.join(',')}`);
      return ids.flatMap((id) => [
        { t: 'messages' as const, case_id: id, n: 3 },
        { t: 'pseudonyms' as const, case_id: id, n: 1 },
      ]);
    },
    deleteCases: async (_m: EntityManager, ids: string[]) => {
      calls.push(`deleteCases:${ids.join(',')}`);
      return ids;
    },
    orphanContacts: async (_m: EntityManager, ids: string[]) => {
      calls.push('orphanContacts');
      return opts.sharedContact ? [] : ids.map((id) => ({ id, data_key_id: `key-of-${id}` }));
    },
    deleteContacts: async (_m: EntityManager, ids: string[]) => {
      calls.push('deleteContacts');
      return ids.map((id) => ({ id, data_key_id: `key-of-${id}` }));
    },
    insertReceipts: async (_m: EntityManager, rows: NewReceipt[]) => {
      calls.push('insertReceipts');
      receipts.push(...rows);
      return rows
        .filter((r) => !opts.receiptExists?.includes(r.caseRef))
        .map((r) => ({ id: `receipt-${r.caseRef}`, case_ref: r.caseRef }));
    },
  } as unknown as RetentionRepository;
  const keyRing = {
    shredDataKeys: async (ids: string[]) => {
      calls.push(`shredDataKeys:${ids.join(',')}`);
      return ids;
    },
    lookupHash: (value: string) => Buffer.from(`ref-${value}`),
  } as unknown as KeyRing;
  const audit = {
    recordMany: async (_m: EntityManager, entries: unknown[]) => {
      calls.push('audit');
      audited.push(...entries);
    },
  } as unknown as AuditService;
  const shredder = new CaseShredder(repository, keyRing, audit, {} as DeletedCaseTraces);
  const ref = (id: string) => Buffer.from(`ref-${id}`).toString('hex');
  return { shredder, calls, receipts, audited, ref };
}

describe('CaseShredder', () => {
  it('shreds the case keys before any row goes, then rows, cases, contacts, receipts, audit', async () => {
    const { shredder, calls } = setUp();
    await shredder.shred(m, [target('a'), target('b')], { sweepId: 's1', actorId: null });
    expect(calls).toEqual([
      'heldCaseIds',
      'shredDataKeys:key-of-a,key-of-b',
      'deleteCaseRows:a,b',
      'deleteCases:a,b',
      'orphanContacts',
      'shredDataKeys:key-of-contact-of-a,key-of-contact-of-b',
      'deleteContacts',
      'insertReceipts',
      'audit',
    ]);
  });

  it('leaves cases under an active legal hold alone and reports them', async () => {
    const { shredder, calls } = setUp({ held: ['b'] });
    const result = await shredder.shred(m, [target('a'), target('b')], { sweepId: 's1', actorId: null });
    expect(result.held).toEqual(['b']);
    expect(result.deleted.map((d) => d.caseId)).toEqual(['a']);
    expect(calls).toContain('deleteCaseRows:a');
    expect(calls.join()).not.toMatch(/key-of-b|deleteCases:.*b/);
  });

  it('deletes nothing when every case is held', async () => {
    const { shredder, calls } = setUp({ held: ['a'] });
    const result = await shredder.shred(m, [target('a')], { sweepId: null, actorId: 'officer' });
    expect(result).toEqual({ deleted: [], held: ['a'] });
    expect(calls).toEqual(['heldCaseIds']);
  });

  it('writes one receipt per case with the counts of every table, keyed by a hash of the case id', async () => {
    const { shredder, receipts, audited, ref } = setUp();
    const [deleted] = (
      await shredder.shred(m, [target('a', { reason: 'erasure', policy: null })], {
        sweepId: null,
        actorId: 'officer',
      })
    ).deleted;
    expect(receipts).toEqual([
      {
        caseRef: ref('a'),
        reason: 'erasure',
        policy: null,
        counts: {
          data_keys: 2,
          messages: 3,
          inbound_events: 0,
          pseudonyms: 1,
          consents: 0,
          escalations: 0,
          case_notes: 0,
          legal_holds: 0,
          cases: 1,
          contacts: 1,
        },
      },
    ]);
    expect(JSON.stringify(receipts)).not.toContain('"a"');
    expect(deleted).toMatchObject({ caseId: 'a', receiptId: `receipt-${ref('a')}`, reason: 'erasure' });
    // The audit event names the receipt and the person who erased, never the case.
    expect(audited).toEqual([
      {
        actorId: 'officer',
        action: 'case.deleted',
        objectType: 'deletion_receipt',
        objectId: `receipt-${ref('a')}`,
      },
    ]);
  });

  it('keeps a contact that another case still refers to (no contact counted)', async () => {
    const { shredder, receipts } = setUp({ sharedContact: true });
    await shredder.shred(m, [target('a')], { sweepId: 's1', actorId: null });
    expect(receipts[0].counts).toMatchObject({ contacts: 0, data_keys: 1 });
  });

  it('reports no deletion for a case that already had a receipt (another sweeper got there first)', async () => {
    const probe = setUp();
    const { shredder } = setUp({ receiptExists: [probe.ref('b')] });
    const result = await shredder.shred(m, [target('a'), target('b')], { sweepId: 's1', actorId: null });
    expect(result.deleted.map((d) => d.caseId)).toEqual(['a']);
  });
});

import { KeyRing } from '@webcare/platform';
import { AuditService, CaseShredder, CaseTarget, ShredContext } from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { SubjectErasureService } from './subject-erasure.service';
import { SubjectsRepository } from './subjects.repository';

const officer: AuthUser = { id: 'officer-1', role: 'privacy_officer', teamId: null };
const phone = '31612345678';

/** Where a waiting event came from; its sealed payload is bound to it. */
const event = { channel_account_id: 'account-1', external_hash: Buffer.from('hash') };

function setUp() {
  const calls: string[] = [];
  const audited: Record<string, unknown>[] = [];
  const shredded: { targets: CaseTarget[]; ctx: ShredContext }[] = [];
  const m = {} as EntityManager;
  const dataSource = { transaction: (fn: (m: EntityManager) => unknown) => fn(m) } as unknown as DataSource;
  const subjects = {
    lockWaitingEvents: async () => {
      calls.push('lockWaitingEvents');
      return [
        {
          id: '1',
          ...event,
          payload_enc: Buffer.from(JSON.stringify({ senderExternalId: '+31 6 1234 5678' })),
        },
        { id: '2', ...event, payload_enc: Buffer.from(JSON.stringify({ senderExternalId: '31687654321' })) },
        { id: '3', ...event, payload_enc: Buffer.from('not json') },
      ];
    },
    deleteEvents: async (_m: EntityManager, ids: string[]) => calls.push(`deleteEvents:${ids.join(',')}`),
    lockContacts: async () => {
      calls.push('lockContacts');
      return ['contact-1', 'contact-2'];
    },
    lockCases: async (_m: EntityManager, contactIds: string[]) => {
      calls.push(`lockCases:${contactIds.join(',')}`);
      return [
        { id: 'case-1', team_id: 't', contact_id: 'contact-1', data_key_id: 'k1' },
        { id: 'case-2', team_id: 't', contact_id: 'contact-2', data_key_id: 'k2' },
      ];
    },
  } as unknown as SubjectsRepository;
  const shredder = {
    shred: async (_m: EntityManager, targets: CaseTarget[], ctx: ShredContext) => {
      calls.push('shred');
      shredded.push({ targets, ctx });
      // case-2 is under a legal hold
      return {
        deleted: [{ caseId: 'case-1', teamId: 't', receiptId: 'r1', reason: 'erasure', counts: {} }],
        held: ['case-2'],
      };
    },
    deleteOrphanContacts: async (_m: EntityManager, ids: string[]) => {
      calls.push(`deleteOrphanContacts:${ids.join(',')}`);
      return [];
    },
    afterCommit: async () => calls.push('afterCommit'),
  } as unknown as CaseShredder;
  const keyRing = {
    openStaging: (sealed: Buffer) => sealed.toString(),
    subjectRef: () => 'subject-ref',
    lookupHash: () => Buffer.from('hash'),
  } as unknown as KeyRing;
  const audit = {
    record: async (_m: EntityManager, entry: Record<string, unknown>) => {
      calls.push('audit');
      audited.push(entry);
    },
  } as unknown as AuditService;
  const erasure = new SubjectErasureService(dataSource, subjects, shredder, keyRing, audit);
  return { erasure, calls, audited, shredded };
}

describe('SubjectErasureService', () => {
  it('deletes the person’s waiting events first, then every case through the shredder, then the contacts', async () => {
    const { erasure, calls } = setUp();
    await erasure.erase(officer, 'whatsapp', phone);
    expect(calls).toEqual([
      'lockWaitingEvents',
      'deleteEvents:1',
      'lockContacts',
      'lockCases:contact-1,contact-2',
      'shred',
      'deleteOrphanContacts:contact-1,contact-2',
      'audit',
      'afterCommit',
    ]);
  });

  it('erases as the officer, for reason erasure under no policy, and counts held cases', async () => {
    const { erasure, shredded } = setUp();
    const result = await erasure.erase(officer, 'whatsapp', phone);
    expect(result).toEqual({ deleted: 1, held: 1, queued: 1, requestId: expect.any(String) });
    expect(shredded[0].ctx).toEqual({ sweepId: null, actorId: 'officer-1' });
    expect(shredded[0].targets.map((t) => [t.id, t.reason, t.policy])).toEqual([
      ['case-1', 'erasure', null],
      ['case-2', 'erasure', null],
    ]);
  });

  it('audits the request with the person’s keyed reference and a request id, never the identifier', async () => {
    const { erasure, audited } = setUp();
    const result = await erasure.erase(officer, 'whatsapp', phone);
    expect(audited).toEqual([
      {
        actorId: 'officer-1',
        action: 'subject.erased',
        objectType: 'subject',
        objectId: 'subject-ref',
        detail: `request:${result.requestId}`,
      },
    ]);
    expect(JSON.stringify(audited)).not.toContain('612345678');
  });

  it('is the privacy officer’s alone', async () => {
    const { erasure, calls } = setUp();
    await expect(
      erasure.erase({ id: 'a', role: 'agent', teamId: 't' }, 'whatsapp', phone),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(calls).toEqual([]);
  });
});

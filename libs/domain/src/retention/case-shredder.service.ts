import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AuditAction } from '../audit/audit-actions';
import { AuditService } from '../audit/audit.service';
import { KeyRing } from '@webcare/platform';
import {
  CaseTarget,
  DeletedCase,
  DeletionCounts,
  DeletionTable,
  emptyCounts,
  ShredContext,
} from './case-deletion';
import { DeletedCaseTraces } from './deleted-case-traces.service';
import { RECEIPT_KEEP_PERIOD } from './retention-policy';
import { RetentionRepository } from './retention.repository';

export interface ShredResult {
  deleted: DeletedCase[];
  /** Targets left alone because a legal hold is active on them. */
  held: string[];
}

/**
 * Deletes whole cases inside the caller's transaction: one code path for the retention sweep and
 * for erasure on request. Callers lock the cases (and their contacts) first; call afterCommit()
 * with the result once the transaction committed.
 */
@Injectable()
export class CaseShredder {
  constructor(
    private readonly repository: RetentionRepository,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
    private readonly traces: DeletedCaseTraces,
  ) {}

  /**
   * Leaves cases under an active legal hold alone, then for the rest: shreds each case key first,
   * then every row that belongs to the case, the contact (and its key) when no other case refers
   * to it; writes one receipt and one audit event per case.
   */
  async shred(m: EntityManager, candidates: CaseTarget[], ctx: ShredContext): Promise<ShredResult> {
    // A hold placed after the caller's selection but before its lock would otherwise be missed.
    // Placing a hold locks the case row, which the caller now holds, so this look is final.
    const held = await this.repository.heldCaseIds(
      m,
      candidates.map((c) => c.id),
    );
    const targets = candidates.filter((c) => !held.has(c.id));
    return { deleted: await this.deleteCases(m, targets, ctx), held: [...held] };
  }

  private async deleteCases(
    m: EntityManager,
    targets: CaseTarget[],
    ctx: ShredContext,
  ): Promise<DeletedCase[]> {
    if (!targets.length) return [];
    const ids = targets.map((t) => t.id);
    const counts = new Map(targets.map((t) => [t.id, emptyCounts()]));
    const add = (caseId: string, table: DeletionTable, n: number) => {
      const c = counts.get(caseId);
      if (c) c[table] += Number(n);
    };

    // 1. The shred: without its key, every copy of the case's ciphertext (backups included) is noise.
    // The keys live in the key store and their deletion commits at once, before the rows go: a
    // crash in between leaves due rows nobody can read, which the next sweep deletes.
    const keyOwner = new Map(targets.map((t) => [t.dataKeyId, t.id]));
    for (const id of await this.keyRing.shredDataKeys([...keyOwner.keys()])) {
      add(keyOwner.get(id)!, 'data_keys', 1);
    }

    // 2. Everything that hangs off the case; 3. the cases themselves.
    for (const r of await this.repository.deleteCaseRows(m, ids)) add(r.case_id, r.t, r.n);
    const deletedIds = new Set(await this.repository.deleteCases(m, ids));
    for (const id of deletedIds) add(id, 'cases', 1);

    // 4. Contacts no other case refers to, with their keys (shredding the stored id and name).
    const contactCase = new Map<string, string>();
    for (const t of targets) if (!contactCase.has(t.contactId)) contactCase.set(t.contactId, t.id);
    for (const c of await this.deleteOrphanContacts(m, [...contactCase.keys()])) {
      add(contactCase.get(c.id)!, 'contacts', 1);
      add(contactCase.get(c.id)!, 'data_keys', c.keyDeleted ? 1 : 0);
    }

    // 5. Receipts (no personal data; case_ref is a keyed hash, unique) and one audit event each.
    const done = targets.filter((t) => deletedIds.has(t.id));
    if (!done.length) return [];
    return this.writeReceipts(m, done, counts, ctx);
  }

  private async writeReceipts(
    m: EntityManager,
    done: CaseTarget[],
    counts: Map<string, DeletionCounts>,
    ctx: ShredContext,
  ): Promise<DeletedCase[]> {
    const refs = done.map((t) => this.caseRef(t.id));
    const receipts = await this.repository.insertReceipts(
      m,
      done.map((t, i) => ({
        caseRef: refs[i],
        reason: t.reason,
        policy: t.policy,
        counts: counts.get(t.id)!,
      })),
      ctx.sweepId,
      RECEIPT_KEEP_PERIOD,
    );
    const receiptByRef = new Map(receipts.map((r) => [r.case_ref, r.id]));
    // The audit event names the receipt, not the case: the trail proves each deletion without
    // becoming a lookup table from (non-personal, but linkable) case ids to receipts.
    await this.audit.recordMany(
      m,
      receipts.map((r) => ({
        actorId: ctx.actorId,
        action: AuditAction.CaseDeleted,
        objectType: 'deletion_receipt',
        objectId: r.id,
      })),
    );
    return done.flatMap((t, i) => {
      const receiptId = receiptByRef.get(refs[i]);
      return receiptId
        ? [{ caseId: t.id, teamId: t.teamId, receiptId, reason: t.reason, counts: counts.get(t.id)! }]
        : [];
    });
  }

  /** Deletes those of the given (locked) contacts that no case refers to any more, keys first. */
  async deleteOrphanContacts(
    m: EntityManager,
    contactIds: string[],
  ): Promise<{ id: string; keyDeleted: boolean }[]> {
    if (!contactIds.length) return [];
    const orphans = await this.repository.orphanContacts(m, contactIds);
    if (!orphans.length) return [];
    const shredded = new Set(await this.keyRing.shredDataKeys(orphans.map((o) => o.data_key_id)));
    const gone = await this.repository.deleteContacts(
      m,
      orphans.map((o) => o.id),
    );
    return gone.map((r) => ({ id: r.id, keyDeleted: shredded.has(r.data_key_id) }));
  }

  /** Outside the transaction, once committed: Redis keys and clients (see DeletedCaseTraces). */
  async afterCommit(deleted: DeletedCase[], opts: { scan: boolean } = { scan: true }): Promise<void> {
    await this.traces.clear(deleted, opts);
  }

  /** Hex keyed hash of the case id: confirms a known case was deleted, reveals nothing else. */
  caseRef(caseId: string): string {
    return this.keyRing.lookupHash(caseId).toString('hex');
  }
}

import { Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '@webcare/platform';
import { CaseTarget, DeletedCase, emptyCounts } from './case-deletion';
import { CaseShredder } from './case-shredder.service';
import { DeletedCaseTraces } from './deleted-case-traces.service';
import { RetentionMaintenance } from './retention-maintenance.service';
import { RetentionSweeper } from './retention-sweeper.service';
import { DueCaseRow, RetentionRepository } from './retention.repository';

/** Fakes over an in-memory list of due cases; a "broken" case fails every batch it is in. */
function setUp(ids: string[], broken: string[] = []) {
  const remaining = new Set(ids);
  const batches: string[][] = [];
  const dataSource = { transaction: (fn: (m: EntityManager) => unknown) => fn({} as EntityManager) };
  const row = (id: string): DueCaseRow => ({
    id,
    team_id: 't',
    contact_id: `c-${id}`,
    data_key_id: `k-${id}`,
    reason: id.startsWith('u') ? 'unanswered' : 'retention',
    policy: 'P30D',
  });
  const repository = {
    takeBatchTurn: async () => undefined,
    lockDue: async (_m: EntityManager, limit: number, skip: string[], only: string[] | null) =>
      [...remaining]
        .filter((id) => !skip.includes(id) && (!only || only.includes(id)))
        .slice(0, limit)
        .map(row),
  } as unknown as RetentionRepository;
  const shredder = {
    shred: async (_m: EntityManager, targets: CaseTarget[]) => {
      batches.push(targets.map((t) => t.id));
      if (targets.some((t) => broken.includes(t.id))) throw new Error('constraint violated');
      const deleted: DeletedCase[] = targets.map((t) => {
        remaining.delete(t.id);
        return {
          caseId: t.id,
          teamId: t.teamId,
          receiptId: `r-${t.id}`,
          reason: t.reason,
          counts: { ...emptyCounts(), messages: 2 },
        };
      });
      return { deleted, held: [] };
    },
  } as unknown as CaseShredder;
  const maintenance = {
    expireReceipts: async () => 4,
    purgeSettledEvents: async () => 5,
  } as unknown as RetentionMaintenance;
  const cleared: string[] = [];
  const traces = {
    clear: async (deleted: DeletedCase[]) => cleared.push(...deleted.map((d) => d.caseId)),
    removeRedisKeys: async () => undefined,
  } as unknown as DeletedCaseTraces;
  const config = { retentionBatchSize: 2, retentionRestRatio: 0 } as AppConfig;
  const sweeper = new RetentionSweeper(
    dataSource as unknown as DataSource,
    repository,
    shredder,
    maintenance,
    traces,
    config,
  );
  return { sweeper, batches, remaining, cleared };
}

describe('RetentionSweeper', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('deletes in batches until nothing is due, then expires receipts and purges settled events', async () => {
    const { sweeper, batches, remaining, cleared } = setUp(['a', 'b', 'u1', 'c', 'u2']);
    const result = await sweeper.sweep({ sweepId: 's1' });
    expect(batches).toEqual([['a', 'b'], ['u1', 'c'], ['u2']]);
    expect(remaining.size).toBe(0);
    expect(cleared).toEqual(['a', 'b', 'u1', 'c', 'u2']);
    expect(result).toEqual({
      sweepId: 's1',
      deleted: 5,
      messages: 10,
      byReason: { retention: 3, unanswered: 2, erasure: 0 },
      expiredReceipts: 4,
      purgedEvents: 5,
      failed: 0,
    });
  });

  it('redoes a failed batch case by case, and leaves a case that keeps failing for the next sweep', async () => {
    const { sweeper, remaining } = setUp(['a', 'bad', 'c'], ['bad']);
    const result = await sweeper.sweep();
    expect(result.deleted).toBe(2);
    expect(result.failed).toBe(1);
    expect([...remaining]).toEqual(['bad']);
  });
});

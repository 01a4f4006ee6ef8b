import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TokenVault } from '@webcare/anonymizer';
import { KeyRing } from '@webcare/platform';
import { PseudonymVaultStore } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { assignNewCases } from './case-assignment';
import { OpenCaseRow } from './contacts.repository';
import { ContactedThread, FiledThread, hasOpenCase } from './intake-threads';
import { IntakeRepository } from './intake.repository';

/**
 * Intake's second stage: reopens existing cases (a new question stops the retention clock until it
 * is answered again) and creates missing ones; loads keys and token vaults for all of them.
 */
@Injectable()
export class IntakeCases {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly repository: IntakeRepository,
  ) {}

  /** Returns the threads in the order given, each with its case. */
  async attach(manager: EntityManager, threads: ContactedThread[]): Promise<FiledThread[]> {
    const reopened = await this.reopen(manager, threads.filter(hasOpenCase));
    const created = await this.create(
      manager,
      threads.filter((t) => !hasOpenCase(t)),
    );
    let r = 0;
    let c = 0;
    return threads.map((t) => (hasOpenCase(t) ? reopened[r++] : created[c++]));
  }

  private async reopen(
    manager: EntityManager,
    threads: (ContactedThread & { openCase: OpenCaseRow })[],
  ): Promise<FiledThread[]> {
    if (!threads.length) return [];
    await this.repository.reopenCases(
      manager,
      threads.map((t) => t.openCase.id),
      threads.map((t) => t.lastAt),
    );
    const keys = await this.keyRing.loadDataKeys(threads.map((t) => t.openCase.data_key_id));
    const withKeys = threads.map((t) => {
      const key = keys.get(t.openCase.data_key_id);
      if (!key) throw new Error('Case data key is missing');
      return { thread: t, key };
    });
    const vaults = await this.vaults.loadMany(
      manager,
      withKeys.map(({ thread, key }) => ({ caseId: thread.openCase.id, key })),
    );
    return withKeys.map(({ thread, key }) => {
      const vault = vaults.get(thread.openCase.id);
      if (!vault) throw new Error('Case vault was not loaded');
      return {
        ...thread,
        kase: thread.openCase,
        key,
        vault,
        created: false,
        reopened: thread.openCase.status === 'answered',
      };
    });
  }

  /** New cases for contacts without an open one, assigned round-robin by load, in one statement. */
  private async create(manager: EntityManager, threads: ContactedThread[]): Promise<FiledThread[]> {
    if (!threads.length) return [];
    const agents = await this.repository.availableAgents(manager, [
      ...new Set(threads.map((t) => t.account.teamId)),
    ]);
    const assignees = assignNewCases(
      threads.map((t) => t.account.teamId),
      agents.map((a) => ({ id: a.id, teamId: a.team_id, capacity: a.capacity, open: Number(a.open) })),
    );
    const keys = threads.map(() => this.keyRing.newDataKey());
    await this.keyRing.storeDataKeys(keys);
    const filed: FiledThread[] = threads.map((t, i) => ({
      ...t,
      kase: {
        id: randomUUID(),
        team_id: t.account.teamId,
        assignee_id: assignees[i],
        status: 'open',
        data_key_id: keys[i].id,
      },
      key: keys[i].key,
      vault: new TokenVault(),
      created: true,
      reopened: false,
    }));
    await this.repository.insertCases(
      manager,
      filed.map((t) => ({
        id: t.kase.id,
        channel: t.account.channel,
        accountId: t.account.id,
        contactId: t.contactId,
        teamId: t.kase.team_id,
        assigneeId: t.kase.assignee_id,
        dataKeyId: t.kase.data_key_id,
        firstAt: t.first.timestamp,
        lastAt: t.lastAt,
        threadHash: t.threadHash,
      })),
    );
    return filed;
  }
}

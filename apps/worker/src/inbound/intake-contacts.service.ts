import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { aad, encrypt, KeyRing } from '@webcare/platform';
import { EntityManager } from 'typeorm';
import { ContactsRepository, LockedContactRow, NewContact } from './contacts.repository';
import { contactKey, ContactedThread, IncomingThread, keyOfThread, threadKey } from './intake-threads';

/** Intake's first stage: every thread's contact, locked, or created. */
@Injectable()
export class IntakeContacts {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly contacts: ContactsRepository,
  ) {}

  /** Returns the threads in the order given, each with its contact. */
  async attach(manager: EntityManager, threads: IncomingThread[]): Promise<ContactedThread[]> {
    const byKey = new Map(threads.map((t) => [keyOfThread(t), t]));
    const found = new Map<string, ContactedThread>();
    const apply = (rows: LockedContactRow[]) => {
      for (const row of rows) {
        const key = threadKey(row.channel_account_id, row.external_hash, row.thread_hash);
        const thread = byKey.get(key);
        if (!thread) continue;
        const openCase =
          row.case_id === null
            ? null
            : {
                id: row.case_id,
                team_id: row.team_id,
                assignee_id: row.assignee_id,
                status: row.status,
                data_key_id: row.data_key_id,
              };
        found.set(key, { ...thread, contactId: row.contact_id, openCase });
      }
    };
    apply(await this.lock(manager, threads));
    const missing = threads.filter((t) => !found.has(keyOfThread(t)));
    if (missing.length) {
      const created = await this.create(manager, missing);
      const raced: IncomingThread[] = [];
      for (const t of missing) {
        const id = created.get(contactKey(t.account.id, t.hash));
        if (id) found.set(keyOfThread(t), { ...t, contactId: id, openCase: null });
        else raced.push(t);
      }
      if (raced.length) apply(await this.lock(manager, raced));
    }
    return threads.map((t) => {
      const contacted = found.get(keyOfThread(t));
      if (!contacted) throw new Error('A contact was neither found nor created');
      return contacted;
    });
  }

  /** Locked in key order: every batch locks its contacts in the same global order, so concurrent batches cannot deadlock. */
  private lock(manager: EntityManager, threads: IncomingThread[]): Promise<LockedContactRow[]> {
    const ordered = [...threads].sort((a, b) =>
      a.account.id === b.account.id ? Buffer.compare(a.hash, b.hash) : a.account.id < b.account.id ? -1 : 1,
    );
    return this.contacts.lockWithOpenCases(
      manager,
      ordered.map((t) => ({ accountId: t.account.id, hash: t.hash, threadHash: t.threadHash })),
    );
  }

  /**
   * Inserts the missing contacts; returns the id of each one created, by contact key (those another
   * worker created first are absent).
   */
  private async create(manager: EntityManager, threads: IncomingThread[]): Promise<Map<string, string>> {
    // One contact per person, however many posts they commented on in this batch.
    const people = new Map<string, IncomingThread>();
    for (const t of threads) {
      const key = contactKey(t.account.id, t.hash);
      if (!people.has(key)) people.set(key, t);
    }
    const keys = [...people.values()].map(() => this.keyRing.newDataKey());
    // Keys first, in the key store: a row never refers to a key that was not stored.
    await this.keyRing.storeDataKeys(keys);
    // Ids are chosen here: the sealed fields are bound to their contact.
    const contacts: NewContact[] = [...people.values()].map((t, i) => {
      const id = randomUUID();
      const { senderExternalId, senderName } = t.first;
      return {
        id,
        channel: t.account.channel,
        accountId: t.account.id,
        hash: t.hash,
        dataKeyId: keys[i].id,
        externalIdEnc: encrypt(keys[i].key, senderExternalId, aad.contactField(id, 'external_id')),
        displayNameEnc: senderName
          ? encrypt(keys[i].key, senderName, aad.contactField(id, 'display_name'))
          : null,
      };
    });
    const inserted = await this.contacts.insertMissing(manager, contacts);
    const unused = contacts.filter((c) => !inserted.has(c.id)).map((c) => c.dataKeyId);
    if (unused.length) await this.keyRing.shredDataKeys(unused);
    return new Map(
      contacts.filter((c) => inserted.has(c.id)).map((c) => [contactKey(c.accountId, c.hash), c.id]),
    );
  }
}

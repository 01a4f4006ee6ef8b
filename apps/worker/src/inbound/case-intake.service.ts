import { Injectable } from '@nestjs/common';
import { TokenVault } from '@webcare/anonymizer';
import { InboundMessageEvent, whatsAppSenderCountry } from '@webcare/channels';
import {
  ChannelAccountSecrets,
  ChannelAccountsService,
  encrypt,
  inboundEventKey,
  KeyRing,
  preparedQuery,
  PseudonymVaultStore,
  teamRoom,
  userRoom,
} from '@webcare/core';
import { EntityManager } from 'typeorm';
import { assignNewCases } from './case-assignment';
import { PendingEmit } from './inbound-event.handler';

export interface InboundMessage {
  accountId: string;
  event: InboundMessageEvent;
}

interface CaseRow {
  id: string;
  team_id: string;
  assignee_id: string | null;
  status: string;
  data_key_id: string;
}

interface ContactRow {
  contact_id: string;
  channel_account_id: string;
  external_hash: Buffer;
  thread_hash: Buffer | null;
  case_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  status: string | null;
  data_key_id: string | null;
}

/**
 * One person writing to one channel account in this batch (on one post, for comments), and the case
 * their messages go to.
 */
interface Thread {
  account: ChannelAccountSecrets;
  hash: Buffer;
  /** Keyed hash of the post for comment cases; null for direct messages. */
  threadHash: Buffer | null;
  /** The first message names the person when a contact has to be created. */
  first: InboundMessageEvent;
  lastAt: Date;
  contactId?: string;
  kase?: CaseRow;
  key?: Buffer;
  vault?: TokenVault;
  created: boolean;
  reopened: boolean;
}

const contactKey = (accountId: string, hash: Buffer) => `${accountId}:${hash.toString('hex')}`;
const threadKey = (accountId: string, hash: Buffer, threadHash: Buffer | null) =>
  `${contactKey(accountId, hash)}:${threadHash?.toString('hex') ?? ''}`;

/**
 * Files a batch of inbound messages in the caller's transaction: contacts, each contact's open case
 * (reopened or new), messages and new tokens. Round trips to Postgres are most of the cost of
 * ingest, so every step is one statement for the whole batch.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly accounts: ChannelAccountsService,
    private readonly vaults: PseudonymVaultStore,
  ) {}

  async intake(manager: EntityManager, messages: InboundMessage[]): Promise<PendingEmit[]> {
    const items: { thread: Thread; event: InboundMessageEvent }[] = [];
    const threads = new Map<string, Thread>();
    for (const { accountId, event } of messages) {
      const account = await this.accounts.byId(accountId);
      if (!account) continue;
      const hash = this.keyRing.lookupHash(`${account.channel}:user:${event.senderExternalId}`);
      const threadHash = event.thread
        ? this.keyRing.lookupHash(`${account.channel}:thread:${event.thread}`)
        : null;
      const key = threadKey(account.id, hash, threadHash);
      let thread = threads.get(key);
      if (!thread) {
        thread = {
          account,
          hash,
          threadHash,
          first: event,
          lastAt: event.timestamp,
          created: false,
          reopened: false,
        };
        threads.set(key, thread);
      }
      if (event.timestamp > thread.lastAt) thread.lastAt = event.timestamp;
      items.push({ thread, event });
    }
    if (!items.length) return [];

    await this.attachContacts(manager, threads);
    await this.attachCases(manager, [...threads.values()]);

    const texts = items.map(({ thread, event }) =>
      this.vaults.anonymizeWith(thread.vault!, event.text, thread.account.allowlist, {
        senderCountry:
          thread.account.channel === 'whatsapp' ? whatsAppSenderCountry(event.senderExternalId) : undefined,
      }),
    );
    const inserted = await this.insertMessages(manager, items, texts);
    return this.emitsFor([...threads.values()], items, inserted);
  }

  /** Locks every thread's contact or creates it. */
  private async attachContacts(manager: EntityManager, threads: Map<string, Thread>): Promise<void> {
    const all = [...threads.values()];
    const apply = (rows: ContactRow[]) => {
      for (const row of rows) {
        const thread = threads.get(threadKey(row.channel_account_id, row.external_hash, row.thread_hash));
        if (!thread) continue;
        thread.contactId = row.contact_id;
        if (row.case_id) {
          thread.kase = {
            id: row.case_id,
            team_id: row.team_id!,
            assignee_id: row.assignee_id,
            status: row.status!,
            data_key_id: row.data_key_id!,
          };
        }
      }
    };
    apply(await this.lockContacts(manager, all));
    const missing = all.filter((t) => !t.contactId);
    if (!missing.length) return;
    const raced = await this.createContacts(manager, missing);
    if (raced.length) apply(await this.lockContacts(manager, raced));
  }

  /**
   * One index probe per contact (a lateral subquery with LIMIT cannot be turned into a scan of the
   * whole table, whatever the planner thinks of the table's size), locked in key order: every
   * batch locks its contacts in the same global order, so concurrent batches cannot deadlock.
   */
  private lockContacts(manager: EntityManager, threads: Thread[]): Promise<ContactRow[]> {
    const ordered = [...threads].sort((a, b) =>
      a.account.id === b.account.id ? Buffer.compare(a.hash, b.hash) : a.account.id < b.account.id ? -1 : 1,
    );
    return preparedQuery<ContactRow>(
      manager,
      'intake-lock-contacts',
      `SELECT ct.id AS contact_id, ct.channel_account_id, ct.external_hash, w.thread AS thread_hash,
              c.id AS case_id, c.team_id, c.assignee_id, c.status, c.data_key_id
         FROM unnest($1::uuid[], $2::bytea[], $3::bytea[]) WITH ORDINALITY AS w(account_id, hash, thread, n)
        CROSS JOIN LATERAL (
           SELECT id, channel_account_id, external_hash FROM contacts
            WHERE channel_account_id = w.account_id AND external_hash = w.hash
            LIMIT 1 FOR UPDATE
         ) ct
         LEFT JOIN LATERAL (
           SELECT id, team_id, assignee_id, status, data_key_id FROM cases
            WHERE contact_id = ct.id AND channel_account_id = ct.channel_account_id AND status IN ('open', 'answered')
              AND thread_hash IS NOT DISTINCT FROM w.thread
            ORDER BY created_at DESC LIMIT 1
         ) c ON true
        ORDER BY w.n`,
      [ordered.map((t) => t.account.id), ordered.map((t) => t.hash), ordered.map((t) => t.threadHash)],
    );
  }

  /** Inserts the missing contacts; returns the threads whose contact another worker created first. */
  private async createContacts(manager: EntityManager, all: Thread[]): Promise<Thread[]> {
    // One contact per person, however many posts they commented on in this batch.
    const people = new Map<string, Thread>();
    for (const t of all)
      if (!people.has(contactKey(t.account.id, t.hash))) people.set(contactKey(t.account.id, t.hash), t);
    const threads = [...people.values()];
    const keys = threads.map(() => this.keyRing.newDataKey());
    // Keys first, in the key store: a row never refers to a key that was not stored.
    await this.keyRing.storeDataKeys(keys);
    const rows = await preparedQuery<{ id: string; channel_account_id: string; external_hash: Buffer }>(
      manager,
      'intake-new-contacts',
      `INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::bytea[], $4::uuid[], $5::bytea[], $6::bytea[])
       ON CONFLICT (channel_account_id, external_hash) DO NOTHING
       RETURNING id, channel_account_id, external_hash`,
      [
        threads.map((t) => t.account.channel),
        threads.map((t) => t.account.id),
        threads.map((t) => t.hash),
        keys.map((k) => k.id),
        threads.map((t, i) => encrypt(keys[i].key, t.first.senderExternalId)),
        threads.map((t, i) => (t.first.senderName ? encrypt(keys[i].key, t.first.senderName) : null)),
      ],
    );
    const created = new Map(rows.map((r) => [contactKey(r.channel_account_id, r.external_hash), r.id]));
    const unused = keys
      .filter((_, i) => !created.has(contactKey(threads[i].account.id, threads[i].hash)))
      .map((k) => k.id);
    const raced: Thread[] = [];
    for (const t of all) {
      const id = created.get(contactKey(t.account.id, t.hash));
      if (id) t.contactId = id;
      else raced.push(t);
    }
    if (unused.length) await this.keyRing.shredDataKeys(unused);
    return raced;
  }

  /**
   * Reopens existing cases (a new question stops the retention clock until it is answered again)
   * and creates missing ones; loads keys and token vaults for all of them.
   */
  private async attachCases(manager: EntityManager, threads: Thread[]): Promise<void> {
    const existing = threads.filter((t) => t.kase);
    if (existing.length) {
      await preparedQuery(
        manager,
        'intake-reopen-cases',
        `UPDATE cases c SET status = 'open', retain_until = NULL, updated_at = now(),
                last_message_at = GREATEST(c.last_message_at, ($2::timestamptz[])[array_position($1::uuid[], c.id)])
          WHERE c.id = ANY($1::uuid[])`,
        [existing.map((t) => t.kase!.id), existing.map((t) => t.lastAt)],
      );
      const keys = await this.keyRing.loadDataKeys(existing.map((t) => t.kase!.data_key_id));
      const vaults = await this.vaults.loadMany(
        manager,
        existing.map((t) => {
          const key = keys.get(t.kase!.data_key_id);
          if (!key) throw new Error('Case data key is missing');
          t.key = key;
          t.reopened = t.kase!.status === 'answered';
          return { caseId: t.kase!.id, key };
        }),
      );
      for (const t of existing) t.vault = vaults.get(t.kase!.id);
    }
    const fresh = threads.filter((x) => !x.kase);
    if (fresh.length) await this.createCases(manager, fresh);
  }

  /** New cases for contacts without an open one, assigned round-robin by load, in one statement. */
  private async createCases(manager: EntityManager, threads: Thread[]): Promise<void> {
    const agents = await preparedQuery<{ id: string; team_id: string; capacity: number; open: string }>(
      manager,
      'intake-agents',
      `SELECT u.id, u.team_id, u.capacity,
              (SELECT count(*) FROM cases c WHERE c.assignee_id = u.id AND c.status = 'open') AS open
         FROM users u
        WHERE u.team_id = ANY($1::uuid[]) AND u.role = 'agent' AND u.active AND u.available`,
      [[...new Set(threads.map((t) => t.account.teamId))]],
    );
    const assignees = assignNewCases(
      threads.map((t) => t.account.teamId),
      agents.map((a) => ({ id: a.id, teamId: a.team_id, capacity: a.capacity, open: Number(a.open) })),
    );
    const keys = threads.map(() => this.keyRing.newDataKey());
    await this.keyRing.storeDataKeys(keys);
    const rows = await preparedQuery<CaseRow & { contact_id: string; thread_hash: Buffer | null }>(
      manager,
      'intake-new-cases',
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, assignee_id, status, data_key_id, first_inbound_at, last_message_at, thread_hash)
       SELECT n.channel, n.account_id, n.contact_id, n.team_id, n.assignee_id, 'open', n.key_id, n.first_at, n.last_at, n.thread
         FROM unnest($1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::bytea[])
           AS n(channel, account_id, contact_id, team_id, assignee_id, key_id, first_at, last_at, thread)
       RETURNING id, contact_id, thread_hash, team_id, assignee_id, status, data_key_id`,
      [
        threads.map((t) => t.account.channel),
        threads.map((t) => t.account.id),
        threads.map((t) => t.contactId),
        threads.map((t) => t.account.teamId),
        assignees,
        keys.map((k) => k.id),
        threads.map((t) => t.first.timestamp),
        threads.map((t) => t.lastAt),
        threads.map((t) => t.threadHash),
      ],
    );
    const caseKey = (contactId: string, threadHash: Buffer | null) =>
      `${contactId}:${threadHash?.toString('hex') ?? ''}`;
    const byThread = new Map(rows.map((r) => [caseKey(r.contact_id, r.thread_hash), r]));
    threads.forEach((t, i) => {
      const row = byThread.get(caseKey(t.contactId!, t.threadHash))!;
      t.kase = {
        id: row.id,
        team_id: row.team_id,
        assignee_id: row.assignee_id,
        status: row.status,
        data_key_id: row.data_key_id,
      };
      t.key = keys[i].key;
      t.vault = new TokenVault();
      t.created = true;
    });
  }

  /** All messages and their new tokens in one statement; returns the event index of each message stored. */
  private async insertMessages(
    manager: EntityManager,
    items: { thread: Thread; event: InboundMessageEvent }[],
    texts: ReturnType<PseudonymVaultStore['anonymizeWith']>[],
  ): Promise<Map<number, string>> {
    const hashes = items.map(({ event }) => this.keyRing.lookupHash(inboundEventKey(event)));
    const tokens: [string[], string[], string[], Buffer[]] = [[], [], [], []];
    items.forEach(({ thread }, i) => {
      const [token, type, value] = this.vaults.sealEntries(thread.kase!.id, thread.key!, texts[i].newEntries);
      tokens[0].push(...token.map(() => thread.kase!.id));
      tokens[1].push(...token);
      tokens[2].push(...type);
      tokens[3].push(...value);
    });
    // clock_timestamp keeps created_at in arrival order within the batch (the transaction's now() would tie).
    const rows = await preparedQuery<{ id: string; external_hash: Buffer }>(
      manager,
      'intake-messages',
      `WITH tokens AS (
         INSERT INTO pseudonyms (case_id, token, entity_type, value_enc)
         SELECT * FROM unnest($9::uuid[], $10::text[], $11::text[], $12::bytea[])
       )
       INSERT INTO messages (case_id, channel_account_id, direction, external_hash, message_type, text_enc, text_pseudo, entities, special, withheld, sent_at, created_at, reply_ref_enc)
       SELECT m.case_id, m.account_id, 'in', m.hash, m.type, m.text_enc, m.pseudo, m.entities::jsonb, m.special::jsonb, m.withheld, m.sent_at, clock_timestamp(), m.reply_ref
         FROM unnest($1::uuid[], $2::uuid[], $3::bytea[], $4::text[], $5::bytea[], $6::text[], $7::text[], $8::text[], $14::boolean[], $13::timestamptz[], $15::bytea[])
           WITH ORDINALITY AS m(case_id, account_id, hash, type, text_enc, pseudo, entities, special, withheld, sent_at, reply_ref, n)
        ORDER BY m.n
       ON CONFLICT (channel_account_id, external_hash) WHERE external_hash IS NOT NULL DO NOTHING
       RETURNING id, external_hash`,
      [
        items.map(({ thread }) => thread.kase!.id),
        items.map(({ thread }) => thread.account.id),
        hashes,
        items.map(({ event }) => event.messageType),
        items.map(({ thread, event }) => encrypt(thread.key!, event.text, thread.kase!.id)),
        texts.map((t) => t.text),
        texts.map((t) => JSON.stringify(t.entities)),
        texts.map((t) => JSON.stringify(t.special)),
        ...tokens,
        items.map(({ event }) => event.timestamp),
        texts.map((t) => t.withheld),
        items.map(({ thread, event }) =>
          event.replyRef ? encrypt(thread.key!, JSON.stringify(event.replyRef), thread.kase!.id) : null,
        ),
      ],
    );
    const index = new Map(hashes.map((h, i) => [h.toString('hex'), i]));
    return new Map(rows.map((r) => [index.get(r.external_hash.toString('hex'))!, r.id]));
  }

  private emitsFor(
    threads: Thread[],
    items: { thread: Thread; event: InboundMessageEvent }[],
    inserted: Map<number, string>,
  ): PendingEmit[] {
    const rooms = (t: Thread) => [
      teamRoom(t.kase!.team_id),
      ...(t.kase!.assignee_id ? [userRoom(t.kase!.assignee_id)] : []),
    ];
    const emits: PendingEmit[] = [];
    for (const t of threads) {
      const { id: caseId, team_id: teamId, assignee_id: assigneeId } = t.kase!;
      if (t.created) {
        emits.push({
          rooms: rooms(t),
          event: 'case.created',
          payload: { caseId, channel: t.account.channel, teamId },
        });
      } else if (t.reopened) {
        emits.push({
          rooms: rooms(t),
          event: 'case.updated',
          payload: { caseId, status: 'open', assigneeId },
        });
      }
    }
    items.forEach(({ thread }, i) => {
      const messageId = inserted.get(i);
      if (messageId) {
        emits.push({
          rooms: rooms(thread),
          event: 'message.created',
          payload: { caseId: thread.kase!.id, messageId, direction: 'in' },
        });
      }
    });
    return emits;
  }
}

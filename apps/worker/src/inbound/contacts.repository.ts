import { Injectable } from '@nestjs/common';
import { Channel, preparedQuery } from '@webcare/platform';
import { EntityManager } from 'typeorm';

/** A case still open (or answered) for a contact on one thread, as intake needs it. */
export interface OpenCaseRow {
  id: string;
  team_id: string;
  assignee_id: string | null;
  status: string;
  data_key_id: string;
}

interface ContactColumns {
  contact_id: string;
  channel_account_id: string;
  external_hash: Buffer;
  thread_hash: Buffer | null;
}

type NoCase = { [K in keyof OpenCaseRow as K extends 'id' ? 'case_id' : K]: null };
type WithCase = { case_id: string } & Omit<OpenCaseRow, 'id'>;

/** A locked contact and its open case on the thread asked for: the case columns are all set or all null. */
export type LockedContactRow = ContactColumns & (NoCase | WithCase);

export interface ContactProbe {
  accountId: string;
  hash: Buffer;
  threadHash: Buffer | null;
}

export interface NewContact {
  id: string;
  channel: Channel;
  accountId: string;
  hash: Buffer;
  dataKeyId: string;
  externalIdEnc: Buffer;
  displayNameEnc: Buffer | null;
}

/** The contacts SQL of intake; every method runs in the caller's transaction. */
@Injectable()
export class ContactsRepository {
  /**
   * One index probe per contact (a lateral subquery with LIMIT cannot be turned into a scan of the
   * whole table, whatever the planner thinks of the table's size), locked in the order given.
   */
  lockWithOpenCases(manager: EntityManager, probes: ContactProbe[]): Promise<LockedContactRow[]> {
    return preparedQuery<LockedContactRow>(
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
      [probes.map((p) => p.accountId), probes.map((p) => p.hash), probes.map((p) => p.threadHash)],
    );
  }

  /** Inserts contacts; returns the ids of those inserted (another worker may have created some first). */
  async insertMissing(manager: EntityManager, contacts: NewContact[]): Promise<Set<string>> {
    const rows = await preparedQuery<{ id: string }>(
      manager,
      'intake-new-contacts',
      `INSERT INTO contacts (id, channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       SELECT * FROM unnest($7::uuid[], $1::text[], $2::uuid[], $3::bytea[], $4::uuid[], $5::bytea[], $6::bytea[])
       ON CONFLICT (channel_account_id, external_hash) DO NOTHING
       RETURNING id`,
      [
        contacts.map((c) => c.channel),
        contacts.map((c) => c.accountId),
        contacts.map((c) => c.hash),
        contacts.map((c) => c.dataKeyId),
        contacts.map((c) => c.externalIdEnc),
        contacts.map((c) => c.displayNameEnc),
        contacts.map((c) => c.id),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }
}

import { Injectable } from '@nestjs/common';
import { Channel, preparedQuery } from '@webcare/platform';
import { EntityManager } from 'typeorm';

export interface AgentLoadRow {
  id: string;
  team_id: string;
  capacity: number;
  /** count(*) comes back as text. */
  open: string;
}

export interface NewCase {
  id: string;
  channel: Channel;
  accountId: string;
  contactId: string;
  teamId: string;
  assigneeId: string | null;
  dataKeyId: string;
  firstAt: Date;
  lastAt: Date;
  threadHash: Buffer | null;
}

export interface NewMessage {
  id: string;
  caseId: string;
  accountId: string;
  externalHash: Buffer;
  type: string;
  textEnc: Buffer;
  textPseudo: string;
  entities: unknown;
  special: unknown;
  withheld: boolean;
  sentAt: Date;
  replyRefEnc: Buffer | null;
}

/** Column arrays of new vault entries: case, token, entity type, sealed value. */
export type NewTokens = [string[], string[], string[], Buffer[]];

/**
 * The cases and messages SQL of intake; every method runs in the caller's transaction. Round trips
 * are most of the cost of ingest, so each is one prepared statement for the whole batch.
 */
@Injectable()
export class IntakeRepository {
  /** A new question stops the retention clock until it is answered again. */
  async reopenCases(manager: EntityManager, caseIds: string[], lastAts: Date[]): Promise<void> {
    await preparedQuery(
      manager,
      'intake-reopen-cases',
      `UPDATE cases c SET status = 'open', retain_until = NULL, updated_at = now(),
              last_message_at = GREATEST(c.last_message_at, ($2::timestamptz[])[array_position($1::uuid[], c.id)])
        WHERE c.id = ANY($1::uuid[])`,
      [caseIds, lastAts],
    );
  }

  availableAgents(manager: EntityManager, teamIds: string[]): Promise<AgentLoadRow[]> {
    return preparedQuery<AgentLoadRow>(
      manager,
      'intake-agents',
      `SELECT u.id, u.team_id, u.capacity,
              (SELECT count(*) FROM cases c WHERE c.assignee_id = u.id AND c.status = 'open') AS open
         FROM users u
        WHERE u.team_id = ANY($1::uuid[]) AND u.role = 'agent' AND u.active AND u.available`,
      [teamIds],
    );
  }

  async insertCases(manager: EntityManager, cases: NewCase[]): Promise<void> {
    await preparedQuery(
      manager,
      'intake-new-cases',
      `INSERT INTO cases (id, channel, channel_account_id, contact_id, team_id, assignee_id, status, data_key_id, first_inbound_at, last_message_at, thread_hash)
       SELECT n.id, n.channel, n.account_id, n.contact_id, n.team_id, n.assignee_id, 'open', n.key_id, n.first_at, n.last_at, n.thread
         FROM unnest($10::uuid[], $1::text[], $2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[], $6::uuid[], $7::timestamptz[], $8::timestamptz[], $9::bytea[])
           AS n(id, channel, account_id, contact_id, team_id, assignee_id, key_id, first_at, last_at, thread)`,
      [
        cases.map((c) => c.channel),
        cases.map((c) => c.accountId),
        cases.map((c) => c.contactId),
        cases.map((c) => c.teamId),
        cases.map((c) => c.assigneeId),
        cases.map((c) => c.dataKeyId),
        cases.map((c) => c.firstAt),
        cases.map((c) => c.lastAt),
        cases.map((c) => c.threadHash),
        cases.map((c) => c.id),
      ],
    );
  }

  /**
   * All messages and their new vault entries in one statement; returns the ids of the messages
   * stored (a platform retry of one already stored is skipped).
   */
  async insertMessages(
    manager: EntityManager,
    messages: NewMessage[],
    tokens: NewTokens,
  ): Promise<Set<string>> {
    // clock_timestamp keeps created_at in arrival order within the batch (the transaction's now() would tie).
    const rows = await preparedQuery<{ id: string }>(
      manager,
      'intake-messages',
      `WITH tokens AS (
         INSERT INTO pseudonyms (case_id, token, entity_type, value_enc)
         SELECT * FROM unnest($9::uuid[], $10::text[], $11::text[], $12::bytea[])
       )
       INSERT INTO messages (id, case_id, channel_account_id, direction, external_hash, message_type, text_enc, text_pseudo, entities, special, withheld, sent_at, created_at, reply_ref_enc)
       SELECT m.id, m.case_id, m.account_id, 'in', m.hash, m.type, m.text_enc, m.pseudo, m.entities::jsonb, m.special::jsonb, m.withheld, m.sent_at, clock_timestamp(), m.reply_ref
         FROM unnest($16::uuid[], $1::uuid[], $2::uuid[], $3::bytea[], $4::text[], $5::bytea[], $6::text[], $7::text[], $8::text[], $14::boolean[], $13::timestamptz[], $15::bytea[])
           WITH ORDINALITY AS m(id, case_id, account_id, hash, type, text_enc, pseudo, entities, special, withheld, sent_at, reply_ref, n)
        ORDER BY m.n
       ON CONFLICT (channel_account_id, external_hash) WHERE external_hash IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        messages.map((m) => m.caseId),
        messages.map((m) => m.accountId),
        messages.map((m) => m.externalHash),
        messages.map((m) => m.type),
        messages.map((m) => m.textEnc),
        messages.map((m) => m.textPseudo),
        messages.map((m) => JSON.stringify(m.entities)),
        messages.map((m) => JSON.stringify(m.special)),
        ...tokens,
        messages.map((m) => m.sentAt),
        messages.map((m) => m.withheld),
        messages.map((m) => m.replyRefEnc),
        messages.map((m) => m.id),
      ],
    );
    return new Set(rows.map((r) => r.id));
  }
}

import { Injectable } from '@nestjs/common';
import { queryReturning } from '@webcare/platform';
import { EntityManager } from 'typeorm';

export interface RedactionRow {
  id: string;
  message_id: string;
  start_offset: number;
  end_offset: number;
  entity_type: string;
  token: string;
  created_entry: boolean;
}

export interface MarkedValueRow {
  case_id: string;
  token: string;
  /** The vault entry of the marked value, sealed with the case key. */
  value_enc: Buffer;
}

export interface NewRedaction {
  caseId: string;
  messageId: string;
  start: number;
  end: number;
  type: string;
  token: string;
  createdEntry: boolean;
  createdBy: string;
}

/** The SQL of agents' markings; every statement is scoped to one case. */
@Injectable()
export class RedactionsRepository {
  async sealedMessageText(m: EntityManager, caseId: string, messageId: string): Promise<Buffer | null> {
    const [row]: { text_enc: Buffer }[] = await m.query(
      `SELECT text_enc FROM messages WHERE id = $1 AND case_id = $2`,
      [messageId, caseId],
    );
    return row?.text_enc ?? null;
  }

  async countForCase(m: EntityManager, caseId: string): Promise<number> {
    const [row]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM redactions WHERE case_id = $1`,
      [caseId],
    );
    return row.n;
  }

  async insert(m: EntityManager, r: NewRedaction): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO redactions (case_id, message_id, start_offset, end_offset, entity_type, token, created_entry, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [r.caseId, r.messageId, r.start, r.end, r.type, r.token, r.createdEntry, r.createdBy],
    );
    return row.id;
  }

  async listForCase(m: EntityManager, caseId: string): Promise<RedactionRow[]> {
    return m.query(
      `SELECT id, message_id, start_offset, end_offset, entity_type, token, created_entry
         FROM redactions WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
  }

  /** Deletes one marking of the case; null when the case has no such marking. */
  async delete(m: EntityManager, caseId: string, redactionId: string): Promise<RedactionRow | null> {
    const [row] = await queryReturning<RedactionRow>(
      m,
      `DELETE FROM redactions WHERE id = $1 AND case_id = $2
       RETURNING id, message_id, start_offset, end_offset, entity_type, token, created_entry`,
      [redactionId, caseId],
    );
    return row ?? null;
  }

  /** The sealed values behind every marking of these cases (one row per marked token). */
  async markedValues(m: EntityManager, caseIds: string[]): Promise<MarkedValueRow[]> {
    if (caseIds.length === 0) return [];
    return m.query(
      `SELECT DISTINCT ON (p.case_id, p.token) p.case_id, p.token, p.value_enc
         FROM redactions r
         JOIN pseudonyms p ON p.case_id = r.case_id AND p.token = r.token
        WHERE r.case_id = ANY($1::uuid[])`,
      [caseIds],
    );
  }
}

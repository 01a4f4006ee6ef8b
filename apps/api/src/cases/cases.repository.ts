import { Injectable } from '@nestjs/common';
import { CaseEntity, CaseNoteEntity, MessageEntity } from '@webcare/platform';
import { DataSource, EntityManager } from 'typeorm';

/** One page of a team's queue, newest activity first; keyset pagination on (last_message_at, id). */
export interface CaseListFilter {
  teamId: string;
  /** null: every status. */
  status: string | null;
  /** The last row of the previous page. */
  cursor: { at: string; id: string } | null;
  limit: number;
}

export interface CaseListRow {
  id: string;
  channel: string;
  status: string;
  team_id: string;
  assignee_id: string | null;
  last_message_at: Date;
  data_key_id: string;
  /** The newest message of the case (null when it has none). */
  message_id: string | null;
  text_enc: Buffer | null;
  text_pseudo: string | null;
}

/** What decides whether a user outside the owning team may see a case. */
export interface CaseAccessFactsRow {
  escalated: boolean;
  consent: boolean;
}

export interface NewCaseNote {
  /** Chosen by the caller: the sealed text is bound to it. */
  id: string;
  caseId: string;
  authorId: string;
  textEnc: Buffer;
  textPseudo: string;
}

/**
 * The queue's list statement, exported so the case-list benchmark EXPLAINs exactly what the api
 * runs. The lateral join reads one message per case through the (case_id, sent_at, id) index.
 */
export const CASE_LIST_SQL = `SELECT c.id, c.channel, c.status, c.team_id, c.assignee_id, c.last_message_at, c.data_key_id,
              m.id AS message_id, m.text_enc, m.text_pseudo
         FROM cases c
         LEFT JOIN LATERAL (
           SELECT id, text_enc, text_pseudo FROM messages
            WHERE case_id = c.id ORDER BY sent_at DESC, id DESC LIMIT 1
         ) m ON true
        WHERE c.team_id = $1
          AND ($2::text IS NULL OR c.status = $2)
          AND ($3::timestamptz IS NULL OR (c.last_message_at, c.id) < ($3, $4::uuid))
        ORDER BY c.last_message_at DESC, c.id DESC
        LIMIT $5`;

export function caseListParams(f: CaseListFilter): unknown[] {
  return [f.teamId, f.status, f.cursor?.at ?? null, f.cursor?.id ?? null, f.limit];
}

/** The SQL of cases: the queue, one case with its messages and notes, and the owning team's actions. */
@Injectable()
export class CasesRepository {
  constructor(private readonly dataSource: DataSource) {}

  listPage(filter: CaseListFilter): Promise<CaseListRow[]> {
    return this.dataSource.query(CASE_LIST_SQL, caseListParams(filter));
  }

  /** The case itself, optionally locked for the rest of the caller's transaction. */
  findById(m: EntityManager, caseId: string, lock: boolean): Promise<CaseEntity | null> {
    const qb = m.getRepository(CaseEntity).createQueryBuilder('c').where('c.id = :id', { id: caseId });
    if (lock) qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async accessFacts(m: EntityManager, caseId: string, teamId: string): Promise<CaseAccessFactsRow> {
    const [row]: CaseAccessFactsRow[] = await m.query(
      `SELECT EXISTS (SELECT 1 FROM escalations e WHERE e.case_id = $1 AND e.to_team_id = $2) AS escalated,
              EXISTS (SELECT 1 FROM consents k WHERE k.case_id = $1 AND k.team_id = $2 AND k.status = 'given') AS consent`,
      [caseId, teamId],
    );
    return row;
  }

  async dataKeyId(m: EntityManager, caseId: string): Promise<string | null> {
    const [row]: { data_key_id: string }[] = await m.query(`SELECT data_key_id FROM cases WHERE id = $1`, [
      caseId,
    ]);
    return row?.data_key_id ?? null;
  }

  /** The newest messages first, up to `take`. */
  newestMessages(caseId: string, take: number): Promise<MessageEntity[]> {
    return this.dataSource.getRepository(MessageEntity).find({
      where: { caseId },
      order: { sentAt: 'DESC', id: 'DESC' },
      take,
    });
  }

  /** The newest notes first, up to `take`. */
  newestNotes(caseId: string, take: number): Promise<CaseNoteEntity[]> {
    return this.dataSource.getRepository(CaseNoteEntity).find({
      where: { caseId },
      order: { createdAt: 'DESC' },
      take,
    });
  }

  async isActiveAgentOf(m: EntityManager, userId: string, teamId: string): Promise<boolean> {
    const [agent]: { id: string }[] = await m.query(
      `SELECT id FROM users WHERE id = $1 AND team_id = $2 AND role = 'agent' AND active`,
      [userId, teamId],
    );
    return !!agent;
  }

  async assign(m: EntityManager, caseId: string, userId: string): Promise<void> {
    await m.query(`UPDATE cases SET assignee_id = $2, updated_at = now() WHERE id = $1`, [caseId, userId]);
  }

  async close(m: EntityManager, caseId: string): Promise<void> {
    await m.query(`UPDATE cases SET status = 'closed', closed_at = now(), updated_at = now() WHERE id = $1`, [
      caseId,
    ]);
  }

  async insertNote(m: EntityManager, note: NewCaseNote): Promise<void> {
    await m.query(
      `INSERT INTO case_notes (id, case_id, author_id, text_enc, text_pseudo) VALUES ($1, $2, $3, $4, $5)`,
      [note.id, note.caseId, note.authorId, note.textEnc, note.textPseudo],
    );
  }

  /** A take-over: the case moves to the receiving team's queue, unassigned. */
  async moveToTeam(m: EntityManager, caseId: string, teamId: string): Promise<void> {
    await m.query(`UPDATE cases SET team_id = $2, assignee_id = NULL, updated_at = now() WHERE id = $1`, [
      caseId,
      teamId,
    ]);
  }

  /** The privacy notice went out with the first reply: its version and the period it communicated. */
  async recordNotice(m: EntityManager, caseId: string, version: string, period: string): Promise<void> {
    await m.query(`UPDATE cases SET notice_version = $2, retention_period = $3 WHERE id = $1`, [
      caseId,
      version,
      period,
    ]);
  }

  /** After a reply: the case's activity time moves; with `assign`, an unassigned case goes to the actor. */
  async touchAfterReply(m: EntityManager, caseId: string, actorId: string, assign: boolean): Promise<void> {
    await m.query(
      `UPDATE cases SET assignee_id = CASE WHEN $3 THEN COALESCE(assignee_id, $2) ELSE assignee_id END,
              last_message_at = now(), updated_at = now() WHERE id = $1`,
      [caseId, actorId, assign],
    );
  }
}

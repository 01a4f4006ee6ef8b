import { Injectable } from '@nestjs/common';
import { ConsentEntity, isoTimeSql, IsoTimes } from '@webcare/platform';
import { EntityManager } from 'typeorm';

/** A consent as the api answers it: selected under its field names, times as ISO text. */
export type ConsentRow = IsoTimes<Omit<ConsentEntity, 'requestedBy' | 'recordedBy'>>;

export interface NewConsent {
  caseId: string;
  teamId: string;
  purpose: string;
  requestMessageId: string;
  requestedBy: string;
}

const COLUMNS = `id, case_id AS "caseId", team_id AS "teamId", purpose, status,
                 request_message_id AS "requestMessageId", evidence_message_id AS "evidenceMessageId",
                 ${isoTimeSql('requested_at')} AS "requestedAt", ${isoTimeSql('given_at')} AS "givenAt",
                 ${isoTimeSql('withdrawn_at')} AS "withdrawnAt"`;

/** Consents and what deciding on them reads; every statement is scoped to one consent or case. */
@Injectable()
export class ConsentsRepository {
  async teamName(m: EntityManager, teamId: string): Promise<string | null> {
    const [team]: { name: string }[] = await m.query(`SELECT name FROM teams WHERE id = $1`, [teamId]);
    return team?.name ?? null;
  }

  /** The person's latest message, pseudonymized: enough to tell which language they write in. */
  async latestInboundText(m: EntityManager, caseId: string): Promise<string | null> {
    const [row]: { text_pseudo: string }[] = await m.query(
      `SELECT text_pseudo FROM messages WHERE case_id = $1 AND direction = 'in' ORDER BY sent_at DESC LIMIT 1`,
      [caseId],
    );
    return row?.text_pseudo ?? null;
  }

  async insert(m: EntityManager, c: NewConsent): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO consents (case_id, team_id, purpose, status, request_message_id, requested_by)
       VALUES ($1, $2, $3, 'requested', $4, $5) RETURNING id`,
      [c.caseId, c.teamId, c.purpose, c.requestMessageId, c.requestedBy],
    );
    return row.id;
  }

  /** Locks the consent for a decision and says which case it belongs to. */
  async lockCaseId(m: EntityManager, consentId: string): Promise<string | null> {
    const [row]: { case_id: string }[] = await m.query(
      `SELECT case_id FROM consents WHERE id = $1 FOR UPDATE`,
      [consentId],
    );
    return row?.case_id ?? null;
  }

  /** The person's own message in the case, sent no earlier than the question (if there was one). */
  async evidenceMessageId(
    m: EntityManager,
    q: { messageId: string; caseId: string; requestMessageId: string | null },
  ): Promise<string | null> {
    const [evidence]: { id: string }[] = await m.query(
      `SELECT e.id FROM messages e
        WHERE e.id = $1 AND e.case_id = $2 AND e.direction = 'in'
          AND e.created_at >= COALESCE((SELECT created_at FROM messages WHERE id = $3), '-infinity')`,
      [q.messageId, q.caseId, q.requestMessageId],
    );
    return evidence?.id ?? null;
  }

  async markGiven(
    m: EntityManager,
    id: string,
    evidenceMessageId: string,
    recordedBy: string,
  ): Promise<void> {
    await m.query(
      `UPDATE consents SET status = 'given', evidence_message_id = $2, recorded_by = $3, given_at = now() WHERE id = $1`,
      [id, evidenceMessageId, recordedBy],
    );
  }

  async markWithdrawn(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE consents SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [id]);
  }

  /**
   * A case its receiving team took over goes back to the team that escalated it (unassigned, the
   * escalation open again) once that team holds no given consent for it any more. Returns the team
   * it went back to, or null when nothing moved.
   */
  async returnTakenOverCase(m: EntityManager, caseId: string, teamId: string): Promise<string | null> {
    const rows: { team_id: string }[] = await m.query(
      `WITH esc AS (
         UPDATE escalations e SET status = 'open', updated_at = now()
          WHERE e.id = (SELECT id FROM escalations WHERE case_id = $1 AND to_team_id = $2 AND status = 'taken_over'
                         ORDER BY updated_at DESC LIMIT 1)
            AND EXISTS (SELECT 1 FROM cases c WHERE c.id = $1 AND c.team_id = $2)
            AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.case_id = $1 AND k.team_id = $2 AND k.status = 'given')
         RETURNING e.from_team_id)
       UPDATE cases c SET team_id = esc.from_team_id, assignee_id = NULL, updated_at = now()
         FROM esc WHERE c.id = $1 RETURNING esc.from_team_id AS team_id`,
      [caseId, teamId],
    );
    return rows[0]?.team_id ?? null;
  }

  async byId(m: EntityManager, id: string): Promise<ConsentRow> {
    const [row]: ConsentRow[] = await m.query(`SELECT ${COLUMNS} FROM consents WHERE id = $1`, [id]);
    return row;
  }

  async ofCase(m: EntityManager, caseId: string): Promise<ConsentRow[]> {
    return m.query(`SELECT ${COLUMNS} FROM consents WHERE case_id = $1 ORDER BY requested_at`, [caseId]);
  }
}

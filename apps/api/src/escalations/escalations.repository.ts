import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export type ConsentStatus = 'requested' | 'given' | 'withdrawn';

export interface EscalationListRow {
  id: string;
  case_id: string;
  from_team_id: string;
  to_team_id: string;
  note_pseudo: string;
  answer_pseudo: string | null;
  status: string;
  created_at: Date;
  /** The latest consent request for the receiving team, if any. */
  consent: ConsentStatus | null;
  data_key_id: string;
}

export interface EscalationMessageRow {
  id: string;
  case_id: string;
  direction: 'in' | 'out';
  text_pseudo: string;
  sent_at: Date;
}

/** An escalation as its receiving team acts on it. */
export interface ReceivedEscalationRow {
  id: string;
  case_id: string;
  from_team_id: string;
  to_team_id: string;
  status: string;
}

export interface NewEscalation {
  caseId: string;
  fromTeamId: string;
  toTeamId: string;
  fromUserId: string;
  notePseudo: string;
}

/** The SQL of escalations; reads are scoped to the receiving team. */
@Injectable()
export class EscalationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async teamExists(m: EntityManager, teamId: string): Promise<boolean> {
    const [team]: { id: string }[] = await m.query(`SELECT id FROM teams WHERE id = $1`, [teamId]);
    return !!team;
  }

  async insert(m: EntityManager, e: NewEscalation): Promise<string> {
    const [row]: { id: string }[] = await m.query(
      `INSERT INTO escalations (case_id, from_team_id, to_team_id, from_user_id, note_pseudo) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [e.caseId, e.fromTeamId, e.toTeamId, e.fromUserId, e.notePseudo],
    );
    return row.id;
  }

  /** The newest 200 escalations to the team. */
  listTo(teamId: string): Promise<EscalationListRow[]> {
    return this.dataSource.query(
      `SELECT e.*, c.data_key_id, (SELECT k.status FROM consents k WHERE k.case_id = e.case_id AND k.team_id = e.to_team_id
                     ORDER BY k.requested_at DESC LIMIT 1) AS consent
         FROM escalations e JOIN cases c ON c.id = e.case_id
        WHERE e.to_team_id = $1 ORDER BY e.created_at DESC LIMIT 200`,
      [teamId],
    );
  }

  /** The pseudonymized conversations of these cases, oldest first. */
  async messagesOf(caseIds: string[]): Promise<EscalationMessageRow[]> {
    if (caseIds.length === 0) return [];
    return this.dataSource.query(
      `SELECT id, case_id, direction, text_pseudo, sent_at FROM messages WHERE case_id = ANY($1::uuid[]) ORDER BY sent_at, id`,
      [caseIds],
    );
  }

  /** Locks an escalation to the team; null when the team did not receive it. */
  async lockReceived(m: EntityManager, id: string, teamId: string): Promise<ReceivedEscalationRow | null> {
    const [esc]: ReceivedEscalationRow[] = await m.query(
      `SELECT id, case_id, from_team_id, to_team_id, status FROM escalations WHERE id = $1 AND to_team_id = $2 FOR UPDATE`,
      [id, teamId],
    );
    return esc ?? null;
  }

  async consentGiven(m: EntityManager, caseId: string, teamId: string): Promise<boolean> {
    const [consent]: { id: string }[] = await m.query(
      `SELECT id FROM consents WHERE case_id = $1 AND team_id = $2 AND status = 'given'`,
      [caseId, teamId],
    );
    return !!consent;
  }

  async saveAnswer(m: EntityManager, id: string, answerPseudo: string): Promise<void> {
    await m.query(
      `UPDATE escalations SET answer_pseudo = $2, status = 'answered', updated_at = now() WHERE id = $1`,
      [id, answerPseudo],
    );
  }

  async markTakenOver(m: EntityManager, id: string): Promise<void> {
    await m.query(`UPDATE escalations SET status = 'taken_over', updated_at = now() WHERE id = $1`, [id]);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface PreviewMessageRow {
  id: string;
  direction: 'in' | 'out';
  text_enc: Buffer;
  text_pseudo: string;
  withheld: boolean;
  sent_at: Date;
}

export interface PreviewEscalationRow {
  id: string;
  note_pseudo: string;
  answer_pseudo: string | null;
  created_at: Date;
}

/** What a receiving team is shown of one case; every statement is scoped to the case (and team). */
@Injectable()
export class HandoverPreviewRepository {
  async teamExists(m: EntityManager, teamId: string): Promise<boolean> {
    const [row]: { id: string }[] = await m.query(`SELECT id FROM teams WHERE id = $1`, [teamId]);
    return !!row;
  }

  async consentGiven(m: EntityManager, caseId: string, teamId: string): Promise<boolean> {
    const [row]: { id: string }[] = await m.query(
      `SELECT id FROM consents WHERE case_id = $1 AND team_id = $2 AND status = 'given' LIMIT 1`,
      [caseId, teamId],
    );
    return !!row;
  }

  async messages(m: EntityManager, caseId: string): Promise<PreviewMessageRow[]> {
    return m.query(
      `SELECT id, direction, text_enc, text_pseudo, withheld, sent_at FROM messages
        WHERE case_id = $1 ORDER BY sent_at, id`,
      [caseId],
    );
  }

  async escalationsTo(m: EntityManager, caseId: string, teamId: string): Promise<PreviewEscalationRow[]> {
    return m.query(
      `SELECT id, note_pseudo, answer_pseudo, created_at FROM escalations
        WHERE case_id = $1 AND to_team_id = $2 ORDER BY created_at, id`,
      [caseId, teamId],
    );
  }
}

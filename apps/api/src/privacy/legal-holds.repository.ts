import { Injectable } from '@nestjs/common';
import { isoTimeSql, IsoTimes, LegalHoldEntity, queryReturning } from '@webcare/platform';
import { activeHoldSql } from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { LegalHoldReasonCode } from './legal-hold-reasons';

/** A hold as the api answers it: selected under its field names, times as ISO text. */
export type HoldRow = IsoTimes<Omit<LegalHoldEntity, 'reasonCode'>> & {
  reasonCode: LegalHoldReasonCode;
  /** For older clients: the note, or the reason code when there is none. */
  reason: string;
  active: boolean;
};

export interface NewHold {
  caseId: string;
  reasonCode: LegalHoldReasonCode;
  note: string | null;
  expiresAt: Date | null;
  placedBy: string;
}

/** The columns of `legal_holds h` as a HoldRow. */
const COLUMNS = `h.id, h.case_id AS "caseId", h.reason_code AS "reasonCode", h.note,
                 COALESCE(h.note, h.reason_code) AS reason, ${isoTimeSql('h.expires_at')} AS "expiresAt",
                 h.placed_by AS "placedBy", ${isoTimeSql('h.placed_at')} AS "placedAt",
                 h.released_by AS "releasedBy", ${isoTimeSql('h.released_at')} AS "releasedAt",
                 (${activeHoldSql('h')}) AS active`;

/** Legal holds and the case flag that mirrors them. */
@Injectable()
export class LegalHoldsRepository {
  async list(m: EntityManager, status: 'active' | 'all'): Promise<HoldRow[]> {
    return m.query(
      `SELECT ${COLUMNS} FROM legal_holds h
        WHERE $1::text = 'all' OR (${activeHoldSql('h')})
        ORDER BY h.placed_at DESC, h.id LIMIT 1000`,
      [status],
    );
  }

  /**
   * Flags the case as held, which locks its row until the transaction ends; false if there is no
   * such case (any more).
   */
  async lockCaseForHold(m: EntityManager, caseId: string): Promise<boolean> {
    const rows = await queryReturning<{ id: string }>(
      m,
      `UPDATE cases SET legal_hold = true WHERE id = $1 RETURNING id`,
      [caseId],
    );
    return rows.length > 0;
  }

  async insert(m: EntityManager, hold: NewHold): Promise<HoldRow> {
    const [row]: HoldRow[] = await m.query(
      `INSERT INTO legal_holds AS h (case_id, reason_code, note, expires_at, placed_by) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${COLUMNS}`,
      [hold.caseId, hold.reasonCode, hold.note, hold.expiresAt, hold.placedBy],
    );
    return row;
  }

  async lockOne(m: EntityManager, holdId: string): Promise<HoldRow | undefined> {
    const [row]: HoldRow[] = await m.query(
      `SELECT ${COLUMNS} FROM legal_holds h WHERE h.id = $1 FOR UPDATE`,
      [holdId],
    );
    return row;
  }

  async release(m: EntityManager, holdId: string, actorId: string): Promise<HoldRow> {
    const [row] = await queryReturning<HoldRow>(
      m,
      `UPDATE legal_holds h SET released_at = now(), released_by = $2 WHERE h.id = $1 RETURNING ${COLUMNS}`,
      [holdId, actorId],
    );
    return row;
  }

  /** The case flag says whether any hold on the case is still active. */
  async refreshCaseFlag(m: EntityManager, caseId: string): Promise<void> {
    await m.query(
      `UPDATE cases SET legal_hold = EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = $1 AND ${activeHoldSql('h')})
        WHERE id = $1`,
      [caseId],
    );
  }
}

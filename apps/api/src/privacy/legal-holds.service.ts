import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, NotFoundError, queryReturning, ValidationError } from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { withoutIdentifiers } from './stored-free-text';

export interface LegalHoldView {
  id: string;
  caseId: string;
  reason: string;
  expiresAt: string | null;
  placedBy: string;
  placedAt: string;
  releasedBy: string | null;
  releasedAt: string | null;
  active: boolean;
}

interface HoldRow {
  id: string;
  case_id: string;
  reason: string;
  expires_at: Date | null;
  placed_by: string;
  placed_at: Date;
  released_by: string | null;
  released_at: Date | null;
}

const COLUMNS = `id, case_id, reason, expires_at, placed_by, placed_at, released_by, released_at`;

function view(r: HoldRow): LegalHoldView {
  return {
    id: r.id,
    caseId: r.case_id,
    reason: r.reason,
    expiresAt: r.expires_at?.toISOString() ?? null,
    placedBy: r.placed_by,
    placedAt: r.placed_at.toISOString(),
    releasedBy: r.released_by,
    releasedAt: r.released_at?.toISOString() ?? null,
    active: !r.released_at && (!r.expires_at || r.expires_at.getTime() > Date.now()),
  };
}

/** Legal holds keep a case out of every sweep until released or expired. */
@Injectable()
export class LegalHoldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(status: 'active' | 'all' = 'all'): Promise<{ items: LegalHoldView[] }> {
    const rows: HoldRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM legal_holds
        WHERE $1::text = 'all' OR (released_at IS NULL AND (expires_at IS NULL OR expires_at > now()))
        ORDER BY placed_at DESC, id LIMIT 1000`,
      [status],
    );
    return { items: rows.map(view) };
  }

  async place(
    actor: AuthUser,
    caseId: string,
    dto: { reason: string; expiresAt?: string },
  ): Promise<LegalHoldView> {
    if (!isUUID(caseId)) throw new NotFoundError('Case');
    const reason = withoutIdentifiers(dto.reason);
    if (!reason) throw new ValidationError('reason is required');
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw new ValidationError('expiresAt must be in the future');
    return this.dataSource.transaction(async (m) => {
      // Locking the case serializes with a sweep: either the sweep already deleted it (404 here),
      // or it sees this hold, because sweeps re-check holds after locking their cases.
      const locked = await queryReturning<{ id: string }>(
        m,
        `UPDATE cases SET legal_hold = true WHERE id = $1 RETURNING id`,
        [caseId],
      );
      if (!locked.length) throw new NotFoundError('Case');
      const [row]: HoldRow[] = await m.query(
        `INSERT INTO legal_holds (case_id, reason, expires_at, placed_by) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
        [caseId, reason, expiresAt, actor.id],
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.LegalHoldPlaced,
        objectType: 'legal_hold',
        objectId: row.id,
      });
      return view(row);
    });
  }

  async release(actor: AuthUser, holdId: string): Promise<LegalHoldView> {
    if (!isUUID(holdId)) throw new NotFoundError('Legal hold');
    return this.dataSource.transaction(async (m) => {
      const [current]: HoldRow[] = await m.query(
        `SELECT ${COLUMNS} FROM legal_holds WHERE id = $1 FOR UPDATE`,
        [holdId],
      );
      if (!current) throw new NotFoundError('Legal hold');
      if (current.released_at) return view(current);
      const [row] = await queryReturning<HoldRow>(
        m,
        `UPDATE legal_holds SET released_at = now(), released_by = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
        [holdId, actor.id],
      );
      await m.query(
        `UPDATE cases SET legal_hold = EXISTS (
           SELECT 1 FROM legal_holds WHERE case_id = $1 AND released_at IS NULL AND (expires_at IS NULL OR expires_at > now()))
          WHERE id = $1`,
        [row.case_id],
      );
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.LegalHoldReleased,
        objectType: 'legal_hold',
        objectId: row.id,
      });
      return view(row);
    });
  }
}

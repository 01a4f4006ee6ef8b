import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditService, isHoldActive } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { LegalHoldView } from './dto/legal-hold.response.dto';
import { holdReason, HoldReasonInput } from './legal-hold-reasons';
import { HoldRow, LegalHoldsRepository } from './legal-holds.repository';
import { PrivacyErrorCode, privacyError, privacyNotFound, privacyOfficerOnly } from './privacy.errors';

function view(r: HoldRow): LegalHoldView {
  return {
    id: r.id,
    caseId: r.case_id,
    reasonCode: r.reason_code,
    note: r.note,
    reason: r.note ?? r.reason_code,
    expiresAt: r.expires_at?.toISOString() ?? null,
    placedBy: r.placed_by,
    placedAt: r.placed_at.toISOString(),
    releasedBy: r.released_by,
    releasedAt: r.released_at?.toISOString() ?? null,
    active: isHoldActive({ releasedAt: r.released_at, expiresAt: r.expires_at }, new Date()),
  };
}

/** Legal holds keep a case out of every sweep until released or expired. */
@Injectable()
export class LegalHoldsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly holds: LegalHoldsRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: AuthUser, status: 'active' | 'all' = 'all'): Promise<{ items: LegalHoldView[] }> {
    privacyOfficerOnly(actor);
    return { items: (await this.holds.list(this.dataSource.manager, status)).map(view) };
  }

  async place(
    actor: AuthUser,
    caseId: string,
    dto: HoldReasonInput & { expiresAt?: string },
  ): Promise<LegalHoldView> {
    privacyOfficerOnly(actor);
    if (!isUUID(caseId)) throw privacyNotFound('Case');
    const { reasonCode, note } = holdReason(dto);
    const expiresAt = dto.expiresAt ? new Date(dto.expiresAt) : null;
    if (expiresAt && expiresAt.getTime() <= Date.now())
      throw privacyError(PrivacyErrorCode.Invalid, 'expiresAt must be in the future');
    return this.dataSource.transaction(async (m) => {
      // Locking the case serializes with a sweep: either the sweep already deleted it (404 here),
      // or it sees this hold, because sweeps re-check holds after locking their cases.
      if (!(await this.holds.lockCaseForHold(m, caseId))) throw privacyNotFound('Case');
      const row = await this.holds.insert(m, { caseId, reasonCode, note, expiresAt, placedBy: actor.id });
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
    privacyOfficerOnly(actor);
    if (!isUUID(holdId)) throw privacyNotFound('Legal hold');
    return this.dataSource.transaction(async (m) => {
      const current = await this.holds.lockOne(m, holdId);
      if (!current) throw privacyNotFound('Legal hold');
      if (current.released_at) return view(current);
      const row = await this.holds.release(m, holdId, actor.id);
      await this.holds.refreshCaseFlag(m, row.case_id);
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

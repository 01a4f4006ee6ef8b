import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { AuditAction, auditEntry, AuditService } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { LegalHoldView } from './dto/legal-hold.response.dto';
import { holdReason, HoldReasonInput } from './legal-hold-reasons';
import { LegalHoldsRepository } from './legal-holds.repository';
import { PrivacyErrorCode, privacyError, privacyNotFound, privacyOfficerOnly } from './privacy.errors';

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
    return { items: await this.holds.list(this.dataSource.manager, status) };
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
      await this.audit.record(m, auditEntry(actor.id, AuditAction.LegalHoldPlaced, 'legal_hold', row.id));
      return row;
    });
  }

  async release(actor: AuthUser, holdId: string): Promise<LegalHoldView> {
    privacyOfficerOnly(actor);
    if (!isUUID(holdId)) throw privacyNotFound('Legal hold');
    return this.dataSource.transaction(async (m) => {
      const current = await this.holds.lockOne(m, holdId);
      if (!current) throw privacyNotFound('Legal hold');
      if (current.releasedAt) return current;
      const row = await this.holds.release(m, holdId, actor.id);
      await this.holds.refreshCaseFlag(m, row.caseId);
      await this.audit.record(m, auditEntry(actor.id, AuditAction.LegalHoldReleased, 'legal_hold', row.id));
      return row;
    });
  }
}

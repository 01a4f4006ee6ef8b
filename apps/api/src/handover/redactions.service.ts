import { Injectable } from '@nestjs/common';
import { aad, CaseEntity, decrypt, KeyRing, RealtimeEmitter, teamRoom } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService, PseudonymVaultStore } from '@webcare/domain';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { RedactionsRepository } from '../redactions/redactions.repository';
import { CreateRedactionDto } from './dto/create-redaction.dto';
import { HandoverErrorCode, handoverError } from './handover.errors';

/** Markings per case: enough for any real conversation, and it bounds the cost of every view. */
export const MAX_REDACTIONS_PER_CASE = 100;
/** Longest span one marking may cover (a name, an address line, a number). */
export const MAX_REDACTION_LENGTH = 200;

/**
 * Agents of the owning team mark what the anonymizer missed. The value joins the case's encrypted
 * vault (or reuses its token there); the audit trail records ids only, never the value.
 */
@Injectable()
export class RedactionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly repository: RedactionsRepository,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  async add(user: AuthUser, caseId: string, dto: CreateRedactionDto): Promise<{ id: string; token: string }> {
    const result = await this.dataSource.transaction(async (m) => {
      const kase = await this.owningCase(user, caseId, m);
      const key = await this.caseKey(m, kase);
      const sealed = isUUID(dto.messageId)
        ? await this.repository.sealedMessageText(m, kase.id, dto.messageId)
        : null;
      if (!sealed)
        throw handoverError(HandoverErrorCode.MessageNotFound, 'That message is not part of this case');
      const value = spanValue(decrypt(key, sealed, aad.message(dto.messageId)), dto.start, dto.end);
      if ((await this.repository.countForCase(m, kase.id)) >= MAX_REDACTIONS_PER_CASE) {
        throw handoverError(
          HandoverErrorCode.LimitReached,
          `This case already has ${MAX_REDACTIONS_PER_CASE} markings: undo ones that are no longer needed first`,
        );
      }
      const vault = await this.vaults.load(m, kase.id, key);
      const known = vault.entries().length;
      const token = vault.tokenFor(dto.type, value);
      const added = vault.entries().slice(known);
      await this.vaults.save(m, kase.id, key, added);
      const id = await this.repository.insert(m, {
        caseId: kase.id,
        messageId: dto.messageId,
        start: dto.start,
        end: dto.end,
        type: dto.type,
        token,
        createdEntry: added.length > 0,
        createdBy: user.id,
      });
      await this.audit.record(m, auditEntry(user.id, AuditAction.RedactionAdded, 'case', kase.id));
      return { id, token, kase };
    });
    this.announce(result.kase);
    return { id: result.id, token: result.token };
  }

  async remove(user: AuthUser, caseId: string, redactionId: string): Promise<void> {
    const kase = await this.dataSource.transaction(async (m) => {
      const kase = await this.owningCase(user, caseId, m);
      const removed = isUUID(redactionId) ? await this.repository.delete(m, kase.id, redactionId) : null;
      if (!removed) throw handoverError(HandoverErrorCode.RedactionNotFound, 'This case has no such marking');
      if (removed.created_entry) await this.vaults.pruneUnused(m, kase.id, removed.token);
      await this.audit.record(m, auditEntry(user.id, AuditAction.RedactionRemoved, 'case', kase.id));
      return kase;
    });
    this.announce(kase);
  }

  /** Only agents of the team that owns the case mark spans (they are the ones who see the original). */
  private async owningCase(user: AuthUser, caseId: string, m: EntityManager): Promise<CaseEntity> {
    const kase = await this.access.loadForAction(user, caseId, m);
    if (kase.teamId !== user.teamId)
      throw handoverError(
        HandoverErrorCode.NotOwningTeam,
        'Only agents of the team that owns the case can do this',
      );
    return kase;
  }

  private async caseKey(m: EntityManager, kase: CaseEntity): Promise<Buffer> {
    const key = await this.keyRing.loadDataKey(kase.dataKeyId);
    if (!key) throw handoverError(HandoverErrorCode.CaseDeleted, 'This conversation has been deleted');
    return key;
  }

  /** Views of the case changed: clients refetch (the event carries ids only). */
  private announce(kase: CaseEntity): void {
    this.realtime.emit([teamRoom(kase.teamId)], 'case.updated', {
      caseId: kase.id,
      status: kase.status,
      assigneeId: kase.assigneeId,
    });
  }
}

/** The marked text, checked against the message it claims to come from. */
export function spanValue(text: string, start: number, end: number): string {
  if (!(start >= 0 && end > start && end <= text.length)) {
    throw handoverError(
      HandoverErrorCode.SpanInvalid,
      `start and end must lie within the message (0 ≤ start < end ≤ ${text.length})`,
    );
  }
  const value = text.slice(start, end).trim();
  if (!/[\p{L}\p{N}]/u.test(value))
    throw handoverError(HandoverErrorCode.SpanInvalid, 'Mark a span with at least one letter or digit');
  if (value.length > MAX_REDACTION_LENGTH)
    throw handoverError(
      HandoverErrorCode.SpanInvalid,
      `Mark at most ${MAX_REDACTION_LENGTH} characters at a time (one name, number or address)`,
    );
  return value;
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { aad, CaseEntity, encrypt, KeyRing, RealtimeEmitter, teamRoom, userRoom } from '@webcare/platform';
import {
  AuditAction,
  auditEntry,
  AuditService,
  CaseFactsRecorder,
  PseudonymVaultStore,
} from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from './case-access.service';
import { CaseErrorCode, caseDeleted, caseError } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { AssignDto } from './dto/assign.dto';
import { NoteDto } from './dto/note.dto';

/** Queue work on a case by its owning team: assignment, closing, internal notes. */
@Injectable()
export class CaseActionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly cases: CasesRepository,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
    private readonly facts: CaseFactsRecorder,
  ) {}

  async assign(user: AuthUser, caseId: string, dto: AssignDto): Promise<{ id: string; assigneeId: string }> {
    const kase = await this.dataSource.transaction(async (m) => {
      const { kase } = await this.ownTeamCase(user, caseId, m);
      if (!(await this.cases.isActiveAgentOf(m, dto.userId, kase.teamId)))
        throw caseError(
          CaseErrorCode.Invalid,
          'userId must be an active agent of the team that owns this case',
        );
      await this.cases.assign(m, kase.id, dto.userId);
      await this.audit.record(m, auditEntry(user.id, AuditAction.CaseAssigned, 'case', kase.id));
      return { ...kase, assigneeId: dto.userId };
    });
    this.announce(kase);
    return { id: kase.id, assigneeId: dto.userId };
  }

  async close(user: AuthUser, caseId: string): Promise<{ id: string; status: 'closed' }> {
    const kase = await this.dataSource.transaction(async (m) => {
      const { kase } = await this.ownTeamCase(user, caseId, m);
      if (kase.status === 'closed') return kase;
      await this.cases.close(m, kase.id);
      await this.facts.record(m, kase.id);
      await this.audit.record(m, auditEntry(user.id, AuditAction.CaseClosed, 'case', kase.id));
      return { ...kase, status: 'closed' as const };
    });
    this.announce(kase);
    return { id: kase.id, status: 'closed' };
  }

  /** Notes are for colleagues: stored encrypted, with a pseudonymized copy for the team lead's view. */
  async addNote(user: AuthUser, caseId: string, dto: NoteDto): Promise<{ id: string }> {
    return this.dataSource.transaction(async (m) => {
      const kase = await this.access.loadForAction(user, caseId, m);
      const key = await this.keyRing.loadDataKey(kase.dataKeyId);
      if (!key) throw caseDeleted();
      const pseudo = await this.vaults.pseudonymize(m, kase.id, key, dto.text);
      // The id is chosen here: the sealed text is bound to it.
      const id = randomUUID();
      await this.cases.insertNote(m, {
        id,
        caseId: kase.id,
        authorId: user.id,
        textEnc: encrypt(key, dto.text, aad.note(id)),
        textPseudo: pseudo.text,
      });
      return { id };
    });
  }

  private async ownTeamCase(user: AuthUser, caseId: string, m: EntityManager) {
    const loaded = await this.access.load(user, caseId, { lock: true, manager: m });
    if (loaded.kase.teamId !== user.teamId)
      throw caseError(CaseErrorCode.Forbidden, 'Only the team that owns the case can do this');
    return loaded;
  }

  private announce(kase: Pick<CaseEntity, 'id' | 'teamId' | 'status' | 'assigneeId'>): void {
    const rooms = [teamRoom(kase.teamId), ...(kase.assigneeId ? [userRoom(kase.assigneeId)] : [])];
    this.realtime.emit(rooms, 'case.updated', {
      caseId: kase.id,
      status: kase.status,
      assigneeId: kase.assigneeId,
    });
  }
}

import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { KeyRing, RealtimeEmitter, teamRoom } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService, PseudonymVaultStore } from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { CasesRepository } from '../cases/cases.repository';
import { RedactionOverlay } from '../redactions/redaction-overlay.service';
import { AnswerEscalationDto } from './dto/answer-escalation.dto';
import { CreateEscalationDto } from './dto/create-escalation.dto';
import { EscalationErrorCode, escalationError } from './escalations.errors';
import { EscalationsRepository, ReceivedEscalationRow } from './escalations.repository';
import { EscalationView } from './dto/escalation.response.dto';

/**
 * Hand-over to another team without handing over identities: the note and the conversation are
 * shown with the case's consistent tokens; the original only with the person's recorded consent.
 */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly escalations: EscalationsRepository,
    private readonly cases: CasesRepository,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
    private readonly overlay: RedactionOverlay,
  ) {}

  async create(user: AuthUser, caseId: string, dto: CreateEscalationDto): Promise<{ id: string }> {
    const created = await this.dataSource.transaction(async (m) => {
      const kase = await this.access.loadForAction(user, caseId, m);
      if (dto.toTeamId === kase.teamId)
        throw escalationError(
          EscalationErrorCode.Invalid,
          'Escalate to another team than the one that owns the case',
        );
      if (!(await this.escalations.teamExists(m, dto.toTeamId)))
        throw escalationError(EscalationErrorCode.Invalid, 'toTeamId does not name an existing team');
      const key = await this.keyRing.loadDataKey(kase.dataKeyId);
      if (!key) throw caseDeleted();
      const note = await this.vaults.pseudonymize(m, kase.id, key, dto.note);
      const id = await this.escalations.insert(m, {
        caseId: kase.id,
        fromTeamId: kase.teamId,
        toTeamId: dto.toTeamId,
        fromUserId: user.id,
        notePseudo: note.text,
      });
      await this.audit.record(m, auditEntry(user.id, AuditAction.EscalationCreated, 'escalation', id));
      return { id, caseId: kase.id };
    });
    this.realtime.emit([teamRoom(dto.toTeamId)], 'escalation.updated', {
      escalationId: created.id,
      caseId: created.caseId,
      status: 'open',
    });
    return { id: created.id };
  }

  async listForTeam(user: AuthUser): Promise<{ items: EscalationView[] }> {
    if (!user.teamId) return { items: [] };
    const rows = await this.escalations.listTo(user.teamId);
    const messages = await this.escalations.messagesOf([...new Set(rows.map((r) => r.case_id))]);
    const overlay = await this.overlay.forCases(
      this.dataSource.manager,
      rows.map((r) => ({ id: r.case_id, dataKeyId: r.data_key_id })),
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        caseId: r.case_id,
        fromTeamId: r.from_team_id,
        toTeamId: r.to_team_id,
        note: overlay(r.case_id, r.note_pseudo),
        answer: r.answer_pseudo === null ? null : overlay(r.case_id, r.answer_pseudo),
        status: r.status,
        consent: r.consent,
        createdAt: r.created_at.toISOString(),
        messages: messages
          .filter((msg) => msg.case_id === r.case_id)
          .map((msg) => ({
            id: msg.id,
            direction: msg.direction,
            text: overlay(r.case_id, msg.text_pseudo),
            createdAt: msg.sent_at.toISOString(),
          })),
      })),
    };
  }

  /** The receiving team answers the agent; the answer is pseudonymized like everything it sees. */
  async answer(
    user: AuthUser,
    escalationId: string,
    dto: AnswerEscalationDto,
  ): Promise<{ id: string; status: string }> {
    const esc = await this.dataSource.transaction(async (m) => {
      const esc = await this.receiving(user, escalationId, m);
      const dataKeyId = await this.cases.dataKeyId(m, esc.case_id);
      const key = dataKeyId && (await this.keyRing.loadDataKey(dataKeyId));
      if (!key) throw caseDeleted();
      const answer = await this.vaults.pseudonymize(m, esc.case_id, key, dto.text);
      await this.escalations.saveAnswer(m, esc.id, answer.text);
      return esc;
    });
    this.realtime.emit([teamRoom(esc.from_team_id)], 'escalation.updated', {
      escalationId: esc.id,
      caseId: esc.case_id,
      status: 'answered',
    });
    return { id: esc.id, status: 'answered' };
  }

  /** With the person's consent for this team, the receiving team takes the case into its own queue. */
  async takeOver(user: AuthUser, escalationId: string): Promise<{ id: string; status: string }> {
    const esc = await this.dataSource.transaction(async (m) => {
      const esc = await this.receiving(user, escalationId, m);
      if (!(await this.escalations.consentGiven(m, esc.case_id, esc.to_team_id)))
        throw escalationError(
          EscalationErrorCode.Forbidden,
          'The person has not consented to this team handling their case',
        );
      if (esc.status === 'taken_over')
        throw escalationError(EscalationErrorCode.Conflict, 'This escalation was already taken over');
      await this.cases.moveToTeam(m, esc.case_id, esc.to_team_id);
      await this.escalations.markTakenOver(m, esc.id);
      await this.audit.record(m, auditEntry(user.id, AuditAction.OriginalRevealed, 'case', esc.case_id));
      return esc;
    });
    for (const team of [esc.from_team_id, esc.to_team_id]) {
      this.realtime.emit([teamRoom(team)], 'case.updated', {
        caseId: esc.case_id,
        status: 'open',
        assigneeId: null,
      });
    }
    return { id: esc.id, status: 'taken_over' };
  }

  /** Only the team an escalation went to may act on it; to anyone else it does not exist. */
  private async receiving(
    user: AuthUser,
    escalationId: string,
    m: EntityManager,
  ): Promise<ReceivedEscalationRow> {
    const notFound = () => escalationError(EscalationErrorCode.NotFound, 'Escalation was not found');
    if (!isUUID(escalationId) || !user.teamId) throw notFound();
    const esc = await this.escalations.lockReceived(m, escalationId, user.teamId);
    if (!esc) throw notFound();
    return esc;
  }
}

function caseDeleted() {
  return escalationError(EscalationErrorCode.CaseDeleted, 'This conversation has been deleted');
}

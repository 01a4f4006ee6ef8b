import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditService,
  ConflictError,
  DomainError,
  ForbiddenError,
  KeyRing,
  NotFoundError,
  PseudonymVaultStore,
  RealtimeEmitter,
  teamRoom,
  ValidationError,
} from '@webcare/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { RedactionOverlay } from '../redactions/redaction-overlay.service';
import { AnswerEscalationDto } from './dto/answer-escalation.dto';
import { CreateEscalationDto } from './dto/create-escalation.dto';

export interface EscalationView {
  id: string;
  caseId: string;
  fromTeamId: string;
  toTeamId: string;
  note: string;
  answer: string | null;
  status: string;
  consent: 'requested' | 'given' | 'withdrawn' | null;
  createdAt: string;
  messages: { id: string; direction: 'in' | 'out'; text: string; createdAt: string }[];
}

/**
 * Hand-over to another team without handing over identities: the note and the conversation are
 * shown with the case's consistent tokens; the original only with the person's recorded consent.
 */
@Injectable()
export class EscalationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
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
        throw new ValidationError('Escalate to another team than the one that owns the case');
      const [team]: { id: string }[] = await m.query(`SELECT id FROM teams WHERE id = $1`, [dto.toTeamId]);
      if (!team) throw new ValidationError('toTeamId does not name an existing team');
      const key = await this.keyRing.loadDataKey(kase.dataKeyId);
      if (!key) throw new DomainError('CASE_DELETED', 'This conversation has been deleted', 410);
      const note = await this.vaults.pseudonymize(m, kase.id, key, dto.note);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO escalations (case_id, from_team_id, to_team_id, from_user_id, note_pseudo) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [kase.id, kase.teamId, dto.toTeamId, user.id, note.text],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: AuditAction.EscalationCreated,
        objectType: 'escalation',
        objectId: row.id,
      });
      return { id: row.id, caseId: kase.id };
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
    const rows: {
      id: string;
      case_id: string;
      from_team_id: string;
      to_team_id: string;
      note_pseudo: string;
      answer_pseudo: string | null;
      status: string;
      created_at: Date;
      consent: EscalationView['consent'];
      data_key_id: string;
    }[] = await this.dataSource.query(
      `SELECT e.*, c.data_key_id, (SELECT k.status FROM consents k WHERE k.case_id = e.case_id AND k.team_id = e.to_team_id
                     ORDER BY k.requested_at DESC LIMIT 1) AS consent
         FROM escalations e JOIN cases c ON c.id = e.case_id
        WHERE e.to_team_id = $1 ORDER BY e.created_at DESC LIMIT 200`,
      [user.teamId],
    );
    const messages: {
      id: string;
      case_id: string;
      direction: 'in' | 'out';
      text_pseudo: string;
      sent_at: Date;
    }[] = rows.length
      ? await this.dataSource.query(
          `SELECT id, case_id, direction, text_pseudo, sent_at FROM messages WHERE case_id = ANY($1::uuid[]) ORDER BY sent_at, id`,
          [[...new Set(rows.map((r) => r.case_id))]],
        )
      : [];
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
      const [kase]: { data_key_id: string }[] = await m.query(`SELECT data_key_id FROM cases WHERE id = $1`, [
        esc.case_id,
      ]);
      const key = kase && (await this.keyRing.loadDataKey(kase.data_key_id));
      if (!key) throw new DomainError('CASE_DELETED', 'This conversation has been deleted', 410);
      const answer = await this.vaults.pseudonymize(m, esc.case_id, key, dto.text);
      await m.query(
        `UPDATE escalations SET answer_pseudo = $2, status = 'answered', updated_at = now() WHERE id = $1`,
        [esc.id, answer.text],
      );
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
      const [consent]: { id: string }[] = await m.query(
        `SELECT id FROM consents WHERE case_id = $1 AND team_id = $2 AND status = 'given'`,
        [esc.case_id, esc.to_team_id],
      );
      if (!consent) throw new ForbiddenError('The person has not consented to this team handling their case');
      if (esc.status === 'taken_over') throw new ConflictError('This escalation was already taken over');
      await m.query(`UPDATE cases SET team_id = $2, assignee_id = NULL, updated_at = now() WHERE id = $1`, [
        esc.case_id,
        esc.to_team_id,
      ]);
      await m.query(`UPDATE escalations SET status = 'taken_over', updated_at = now() WHERE id = $1`, [
        esc.id,
      ]);
      await this.audit.record(m, {
        actorId: user.id,
        action: AuditAction.OriginalRevealed,
        objectType: 'case',
        objectId: esc.case_id,
      });
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

  private async receiving(user: AuthUser, escalationId: string, m: EntityManager) {
    if (!isUUID(escalationId) || !user.teamId) throw new NotFoundError('Escalation');
    const [esc]: { id: string; case_id: string; from_team_id: string; to_team_id: string; status: string }[] =
      await m.query(
        `SELECT id, case_id, from_team_id, to_team_id, status FROM escalations WHERE id = $1 AND to_team_id = $2 FOR UPDATE`,
        [escalationId, user.teamId],
      );
    if (!esc) throw new NotFoundError('Escalation');
    return esc;
  }
}

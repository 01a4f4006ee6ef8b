import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import {
  AuditAction,
  AuditService,
  ConflictError,
  ForbiddenError,
  detectReplyLanguage,
  NotFoundError,
  RealtimeEmitter,
  teamRoom,
  ValidationError,
} from '@webcare/core';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { withoutIdentifiers } from '../privacy/stored-free-text';
import { RepliesService } from '../replies/replies.service';
import { consentQuestion } from './consent-question';
import { RecordConsentDto } from './dto/record-consent.dto';
import { RequestConsentDto } from './dto/request-consent.dto';

export interface ConsentView {
  id: string;
  caseId: string;
  teamId: string;
  purpose: string;
  status: string;
  requestMessageId: string | null;
  evidenceMessageId: string | null;
  requestedAt: string;
  givenAt: string | null;
  withdrawnAt: string | null;
}

/** Consent per purpose and receiving team: asked through the channel, proven by the person's answer. */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly replies: RepliesService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /**
   * Asks the person, through the case's channel, whether a team may see their details. The
   * owning team's agents may ask on behalf of any other team; a team the case was escalated to
   * may ask for itself only.
   */
  async request(user: AuthUser, caseId: string, dto: RequestConsentDto): Promise<ConsentView> {
    const result = await this.dataSource.transaction(async (m) => {
      const { kase, view } = await this.access.load(user, caseId, { lock: true, manager: m });
      const owning = kase.teamId === user.teamId && view === 'original';
      if (!owning && dto.teamId !== user.teamId) {
        throw new ForbiddenError('A receiving team can only ask consent for itself');
      }
      if (dto.teamId === kase.teamId)
        throw new ValidationError('The owning team needs no consent to see its own case');
      const [team]: { name: string }[] = await m.query(`SELECT name FROM teams WHERE id = $1`, [dto.teamId]);
      if (!team) throw new ValidationError('teamId does not name an existing team');
      const lang = dto.lang ?? (await this.conversationLanguage(m, kase.id));
      const question = consentQuestion(lang, team.name, dto.purpose.trim());
      const messageId = await this.replies.queueSystemMessage(m, kase, question, user.id);
      const [row]: { id: string }[] = await m.query(
        `INSERT INTO consents (case_id, team_id, purpose, status, request_message_id, requested_by)
         VALUES ($1, $2, $3, 'requested', $4, $5) RETURNING id`,
        // The person reads the purpose as typed; what is kept in clear carries no identifiers.
        [kase.id, dto.teamId, withoutIdentifiers(dto.purpose), messageId, user.id],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: AuditAction.ConsentRequested,
        objectType: 'consent',
        objectId: row.id,
      });
      return { kase, messageId, consent: await this.view(m, row.id) };
    });
    this.replies.announce({ kase: result.kase, messageId: result.messageId, assigned: false }, user.id);
    return result.consent;
  }

  /** The agent points at the person's answer; it must be theirs, in this case, after the question. */
  async record(user: AuthUser, consentId: string, dto: RecordConsentDto): Promise<ConsentView> {
    const consent = await this.dataSource.transaction(async (m) => {
      const consent = await this.ownedConsent(user, consentId, m);
      if (consent.status !== 'requested')
        throw new ConflictError(`This consent is already ${consent.status}`);
      const [evidence]: { id: string }[] = await m.query(
        `SELECT e.id FROM messages e
          WHERE e.id = $1 AND e.case_id = $2 AND e.direction = 'in'
            AND e.created_at >= COALESCE((SELECT created_at FROM messages WHERE id = $3), '-infinity')`,
        [dto.evidenceMessageId, consent.caseId, consent.requestMessageId],
      );
      if (!evidence) {
        throw new ValidationError(
          "evidenceMessageId must be the person's own message in this case, sent after the consent question",
        );
      }
      await m.query(
        `UPDATE consents SET status = 'given', evidence_message_id = $2, recorded_by = $3, given_at = now() WHERE id = $1`,
        [consent.id, evidence.id, user.id],
      );
      await this.audit.record(m, {
        actorId: user.id,
        action: AuditAction.ConsentGiven,
        objectType: 'consent',
        objectId: consent.id,
      });
      return this.view(m, consent.id);
    });
    this.realtime.emit([teamRoom(consent.teamId)], 'case.updated', {
      caseId: consent.caseId,
      status: 'consent_given',
      assigneeId: null,
    });
    return consent;
  }

  async withdraw(user: AuthUser, consentId: string): Promise<ConsentView> {
    const consent = await this.dataSource.transaction(async (m) => {
      const consent = await this.ownedConsent(user, consentId, m);
      if (consent.status === 'withdrawn') return consent;
      await m.query(`UPDATE consents SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [
        consent.id,
      ]);
      await this.audit.record(m, {
        actorId: user.id,
        action: AuditAction.ConsentWithdrawn,
        objectType: 'consent',
        objectId: consent.id,
      });
      return this.view(m, consent.id);
    });
    this.realtime.emit([teamRoom(consent.teamId)], 'case.updated', {
      caseId: consent.caseId,
      status: 'consent_withdrawn',
      assigneeId: null,
    });
    return consent;
  }

  async list(user: AuthUser, caseId: string): Promise<{ items: ConsentView[] }> {
    const { kase } = await this.access.load(user, caseId);
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM consents WHERE case_id = $1 ORDER BY requested_at`,
      [kase.id],
    );
    return { items: await Promise.all(rows.map((r) => this.view(this.dataSource.manager, r.id))) };
  }

  private async ownedConsent(user: AuthUser, consentId: string, m: EntityManager): Promise<ConsentView> {
    if (!isUUID(consentId)) throw new NotFoundError('Consent');
    const [row]: { case_id: string }[] = await m.query(
      `SELECT case_id FROM consents WHERE id = $1 FOR UPDATE`,
      [consentId],
    );
    if (!row) throw new NotFoundError('Consent');
    await this.access.loadForAction(user, row.case_id, m);
    return this.view(m, consentId);
  }

  private async view(m: EntityManager, id: string): Promise<ConsentView> {
    const [r]: {
      id: string;
      case_id: string;
      team_id: string;
      purpose: string;
      status: string;
      request_message_id: string | null;
      evidence_message_id: string | null;
      requested_at: Date;
      given_at: Date | null;
      withdrawn_at: Date | null;
    }[] = await m.query(`SELECT * FROM consents WHERE id = $1`, [id]);
    return {
      id: r.id,
      caseId: r.case_id,
      teamId: r.team_id,
      purpose: r.purpose,
      status: r.status,
      requestMessageId: r.request_message_id,
      evidenceMessageId: r.evidence_message_id,
      requestedAt: r.requested_at.toISOString(),
      givenAt: r.given_at?.toISOString() ?? null,
      withdrawnAt: r.withdrawn_at?.toISOString() ?? null,
    };
  }

  private async conversationLanguage(m: EntityManager, caseId: string): Promise<'nl' | 'en'> {
    const [row]: { text_pseudo: string }[] = await m.query(
      `SELECT text_pseudo FROM messages WHERE case_id = $1 AND direction = 'in' ORDER BY sent_at DESC LIMIT 1`,
      [caseId],
    );
    return detectReplyLanguage(row?.text_pseudo ?? '');
  }
}

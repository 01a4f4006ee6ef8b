import { isUUID } from 'class-validator';
import { Injectable } from '@nestjs/common';
import { RealtimeEmitter, teamRoom } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService, detectReplyLanguage } from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { RepliesService } from '../replies/replies.service';
import { consentQuestion } from './consent-question';
import { consentRequestRefusal } from './consent-rules';
import { consentErrors } from './consents.errors';
import { ConsentRow, ConsentsRepository } from './consents.repository';
import { RecordConsentDto } from './dto/record-consent.dto';
import { RequestConsentDto } from './dto/request-consent.dto';
import { ConsentView } from './dto/consent.response.dto';

/**
 * Consent per purpose and receiving team: asked through the channel, proven by the person's answer.
 * A given consent lets that one team see that one case's original (CaseAccessService reads it on
 * every request), so withdrawing it takes the access away with the next request.
 */
@Injectable()
export class ConsentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: ConsentsRepository,
    private readonly access: CaseAccessService,
    private readonly replies: RepliesService,
    private readonly audit: AuditService,
    private readonly realtime: RealtimeEmitter,
  ) {}

  /** Asks the person, through the case's channel, whether a team may see their details. */
  async request(user: AuthUser, caseId: string, dto: RequestConsentDto): Promise<ConsentView> {
    const result = await this.dataSource.transaction(async (m) => {
      const { kase, view } = await this.access.load(user, caseId, { lock: true, manager: m });
      const refusal = consentRequestRefusal({
        userTeamId: user.teamId,
        caseTeamId: kase.teamId,
        view,
        forTeamId: dto.teamId,
      });
      if (refusal === 'for_own_team_only') throw consentErrors.forOwnTeamOnly();
      if (refusal === 'owning_team_needs_none') throw consentErrors.owningTeamNeedsNone();
      const teamName = await this.repository.teamName(m, dto.teamId);
      if (teamName === null) throw consentErrors.unknownTeam();
      const lang =
        dto.lang ?? detectReplyLanguage((await this.repository.latestInboundText(m, kase.id)) ?? '');
      const question = consentQuestion(lang, teamName, dto.purpose);
      const messageId = await this.replies.queueSystemMessage(m, kase, question, user.id);
      const id = await this.repository.insert(m, {
        caseId: kase.id,
        teamId: dto.teamId,
        purpose: dto.purpose,
        requestMessageId: messageId,
        requestedBy: user.id,
      });
      await this.audit.record(m, auditEntry(user.id, AuditAction.ConsentRequested, 'consent', id));
      return { kase, messageId, consent: await this.repository.byId(m, id) };
    });
    this.replies.announce({ kase: result.kase, messageId: result.messageId, assigned: false }, user.id);
    return result.consent;
  }

  /** The agent points at the person's answer; it must be theirs, in this case, after the question. */
  async record(user: AuthUser, consentId: string, dto: RecordConsentDto): Promise<ConsentView> {
    const consent = await this.dataSource.transaction(async (m) => {
      const consent = await this.ownedConsent(user, consentId, m);
      if (consent.status !== 'requested') throw consentErrors.notRequested(consent.status);
      const evidenceId = await this.repository.evidenceMessageId(m, {
        messageId: dto.evidenceMessageId,
        caseId: consent.caseId,
        requestMessageId: consent.requestMessageId,
      });
      if (!evidenceId) throw consentErrors.evidenceInvalid();
      await this.repository.markGiven(m, consent.id, evidenceId, user.id);
      await this.audit.record(m, auditEntry(user.id, AuditAction.ConsentGiven, 'consent', consent.id));
      return this.repository.byId(m, consent.id);
    });
    this.announce(consent, 'consent_given');
    return consent;
  }

  /**
   * From the next request on, the team sees the case pseudonymized again; a team that took the
   * case over on this consent hands it back to the team that escalated it.
   */
  async withdraw(user: AuthUser, consentId: string): Promise<ConsentView> {
    const { consent, returnedTo } = await this.dataSource.transaction(async (m) => {
      const consent = await this.ownedConsent(user, consentId, m);
      if (consent.status === 'withdrawn') return { consent, returnedTo: null };
      await this.repository.markWithdrawn(m, consent.id);
      const returnedTo = await this.repository.returnTakenOverCase(m, consent.caseId, consent.teamId);
      await this.audit.record(m, auditEntry(user.id, AuditAction.ConsentWithdrawn, 'consent', consent.id));
      return { consent: await this.repository.byId(m, consent.id), returnedTo };
    });
    this.announce(consent, 'consent_withdrawn', returnedTo);
    return consent;
  }

  async list(user: AuthUser, caseId: string): Promise<{ items: ConsentView[] }> {
    const { kase } = await this.access.load(user, caseId);
    return { items: await this.repository.ofCase(this.dataSource.manager, kase.id) };
  }

  /** Deciding on a consent is acting for the person: it needs the original view of its case. */
  private async ownedConsent(user: AuthUser, consentId: string, m: EntityManager): Promise<ConsentRow> {
    if (!isUUID(consentId)) throw consentErrors.notFound();
    const caseId = await this.repository.lockCaseId(m, consentId);
    if (!caseId) throw consentErrors.notFound();
    await this.access.loadForAction(user, caseId, m);
    return this.repository.byId(m, consentId);
  }

  private announce(
    consent: ConsentView,
    status: 'consent_given' | 'consent_withdrawn',
    returnedTo: string | null = null,
  ): void {
    const rooms = [consent.teamId, ...(returnedTo ? [returnedTo] : [])].map(teamRoom);
    this.realtime.emit(rooms, 'case.updated', {
      caseId: consent.caseId,
      status,
      assigneeId: null,
    });
  }
}

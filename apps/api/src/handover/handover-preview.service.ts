import { Injectable } from '@nestjs/common';
import { aad, decrypt, KeyRing } from '@webcare/platform';
import { PseudonymVaultStore } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { CaseAccessService } from '../cases/case-access.service';
import { CaseView } from '../cases/case-access';
import { tokensIn } from '../redactions/redaction-marks';
import { RedactionOverlay } from '../redactions/redaction-overlay.service';
import { HandoverPreviewQuery } from './dto/handover-preview.query';
import { HandoverErrorCode, handoverError } from './handover.errors';
import { HandoverPreviewRepository } from './handover-preview.repository';
import { HandoverPreview, PreviewText } from './dto/handover-preview.response.dto';

const withTokens = (text: string): PreviewText => ({ text, tokens: tokensIn(text) });

/** The escalate dialog's check: exactly what the receiving team would see, before anything is handed over. */
@Injectable()
export class HandoverPreviewService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: CaseAccessService,
    private readonly repository: HandoverPreviewRepository,
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly overlay: RedactionOverlay,
  ) {}

  async preview(user: AuthUser, caseId: string, query: HandoverPreviewQuery): Promise<HandoverPreview> {
    const { kase, view } = await this.access.load(user, caseId);
    if (view !== 'original' || kase.teamId !== user.teamId)
      throw handoverError(
        HandoverErrorCode.NotOwningTeam,
        'Only agents of the team that owns the case can do this',
      );
    const m = this.dataSource.manager;
    if (query.toTeamId === kase.teamId)
      throw handoverError(
        HandoverErrorCode.SameTeam,
        'Preview a hand-over to another team than the one that owns the case',
      );
    if (!(await this.repository.teamExists(m, query.toTeamId)))
      throw handoverError(HandoverErrorCode.UnknownTeam, 'toTeamId does not name an existing team');
    const key = await this.keyRing.loadDataKey(kase.dataKeyId);
    if (!key) throw handoverError(HandoverErrorCode.CaseDeleted, 'This conversation has been deleted');

    const receivingView: CaseView = (await this.repository.consentGiven(m, kase.id, query.toTeamId))
      ? 'original'
      : 'pseudonymized';
    const overlay = await this.overlay.forCases(m, [{ id: kase.id, dataKeyId: kase.dataKeyId }]);
    const shown = (pseudo: string) => withTokens(overlay(kase.id, pseudo));
    const [messages, escalations] = await Promise.all([
      this.repository.messages(m, kase.id),
      this.repository.escalationsTo(m, kase.id, query.toTeamId),
    ]);
    let draftNote: PreviewText | null = null;
    if (query.note?.trim()) {
      // A throwaway copy of the vault: the preview numbers new values as the real hand-over would, and saves nothing.
      const vault = await this.vaults.load(m, kase.id, key);
      draftNote = shown(this.vaults.anonymizeWith(vault, query.note).text);
    }
    return {
      caseId: kase.id,
      toTeamId: query.toTeamId,
      view: receivingView,
      messages: messages.map((r) => ({
        id: r.id,
        direction: r.direction,
        withheld: r.withheld,
        createdAt: r.sent_at.toISOString(),
        ...(receivingView === 'original'
          ? withTokens(decrypt(key, r.text_enc, aad.message(r.id)))
          : shown(r.text_pseudo)),
      })),
      notes: escalations.map((e) => ({
        escalationId: e.id,
        note: shown(e.note_pseudo),
        answer: e.answer_pseudo === null ? null : shown(e.answer_pseudo),
        createdAt: e.created_at.toISOString(),
      })),
      draftNote,
    };
  }
}

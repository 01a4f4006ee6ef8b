import { isUUID } from 'class-validator';
import { Injectable, Logger } from '@nestjs/common';
import { aad, decrypt, KeyRing, RowBinding } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { Overlay, RedactionOverlay } from '../redactions/redaction-overlay.service';
import { RedactionsRepository } from '../redactions/redactions.repository';
import { caseViewFor, CaseView } from './case-access';
import { CaseAccessService } from './case-access.service';
import { CaseErrorCode, caseError, caseNotFound } from './cases.errors';
import { CasesRepository } from './cases.repository';
import { ListCasesQuery } from './dto/list-cases.query';
import { CaseDetail, CaseListItem } from './dto/case.response.dto';

const PREVIEW_CHARS = 140;
const DEFAULT_PAGE = 50;
/** A case shows its newest messages and notes up to these counts; `olderMessages` says more exist. */
export const CASE_MESSAGE_CAP = 500;
export const CASE_NOTE_CAP = 200;

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly cases: CasesRepository,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
    private readonly access: CaseAccessService,
    private readonly overlay: RedactionOverlay,
    private readonly redactions: RedactionsRepository,
  ) {}

  async list(
    user: AuthUser,
    query: ListCasesQuery,
  ): Promise<{ items: CaseListItem[]; nextCursor: string | null }> {
    if (!user.teamId) return { items: [], nextCursor: null };
    const view = caseViewFor(user, {
      teamId: user.teamId,
      escalatedToUserTeam: false,
      consentForUserTeam: false,
    });
    if (!view) return { items: [], nextCursor: null };
    const limit = query.limit ?? DEFAULT_PAGE;
    const status = !query.status || query.status === 'all' ? null : query.status;
    const cursor = query.cursor ? decodeCursor(query.cursor) : null;
    const rows = await this.cases.listPage({ teamId: user.teamId, status, cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    if (view === 'original' && page.length) {
      await this.audit.recordNow(auditEntry(user.id, AuditAction.CaseListOriginal, 'team', user.teamId));
    }
    const keys =
      view === 'original'
        ? await this.keyRing.loadDataKeys(page.map((r) => r.data_key_id))
        : new Map<string, Buffer>();
    const overlay =
      view === 'pseudonymized'
        ? await this.overlay.forCases(
            this.dataSource.manager,
            page.map((r) => ({ id: r.id, dataKeyId: r.data_key_id })),
          )
        : undefined;
    const items = page.map((r) => ({
      id: r.id,
      channel: r.channel,
      status: r.status,
      teamId: r.team_id,
      assigneeId: r.assignee_id,
      lastMessageAt: r.last_message_at.toISOString(),
      preview: truncate(
        this.textOf(
          view,
          r.id,
          r.message_id ? aad.message(r.message_id) : null,
          r.text_enc,
          r.text_pseudo,
          keys.get(r.data_key_id),
          overlay,
        ),
      ),
    }));
    const last = page[page.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor(last.last_message_at, last.id) : null,
    };
  }

  async get(user: AuthUser, caseId: string): Promise<CaseDetail> {
    const { kase, view } = await this.access.load(user, caseId);
    const newest = await this.cases.newestMessages(kase.id, CASE_MESSAGE_CAP + 1);
    const messages = newest.slice(0, CASE_MESSAGE_CAP).reverse();
    const key = view === 'original' ? await this.keyRing.loadDataKey(kase.dataKeyId) : null;
    if (view === 'original' && !key) throw caseNotFound();
    if (view === 'original') {
      const action =
        kase.teamId === user.teamId ? AuditAction.CaseViewOriginal : AuditAction.OriginalRevealed;
      await this.audit.recordNow(auditEntry(user.id, action, 'case', kase.id));
    }
    const notes = (await this.cases.newestNotes(kase.id, CASE_NOTE_CAP)).reverse();
    const m = this.dataSource.manager;
    const overlay =
      view === 'pseudonymized'
        ? await this.overlay.forCases(m, [{ id: kase.id, dataKeyId: kase.dataKeyId }])
        : undefined;
    const redactions = view === 'original' ? await this.redactions.listForCase(m, kase.id) : [];
    return {
      id: kase.id,
      channel: kase.channel,
      status: kase.status,
      teamId: kase.teamId,
      assigneeId: kase.assigneeId,
      view,
      retainUntil: kase.retainUntil?.toISOString() ?? null,
      createdAt: kase.createdAt.toISOString(),
      lastMessageAt: kase.lastMessageAt.toISOString(),
      messages: messages.map((m) => ({
        id: m.id,
        direction: m.direction,
        type: m.messageType,
        text: this.textOf(
          view,
          kase.id,
          aad.message(m.id),
          m.textEnc,
          m.textPseudo,
          key ?? undefined,
          overlay,
        ),
        withheld: m.withheld,
        entities: view === 'original' ? m.entities : [],
        deliveryStatus: m.deliveryStatus,
        errorCode: m.errorCode,
        visibility: m.visibility,
        platformState: m.platformState,
        authorId: m.authorId,
        createdAt: m.sentAt.toISOString(),
      })),
      olderMessages: newest.length > CASE_MESSAGE_CAP,
      notes: notes.map((n) => ({
        id: n.id,
        authorId: n.authorId,
        text: this.textOf(view, kase.id, aad.note(n.id), n.textEnc, n.textPseudo, key ?? undefined, overlay),
        createdAt: n.createdAt.toISOString(),
      })),
      redactions: redactions.map((r) => ({
        id: r.id,
        messageId: r.message_id,
        start: r.start_offset,
        end: r.end_offset,
        type: r.entity_type,
        token: r.token,
      })),
      noticeVersion: kase.noticeVersion,
      retentionPeriod: kase.retentionPeriod,
      conversation: kase.threadHash ? 'comment' : 'direct',
    };
  }

  /** Texts are sealed bound to their own row (aad), so a ciphertext copied to another row does not open. */
  private textOf(
    view: CaseView,
    caseId: string,
    binding: RowBinding | null,
    enc: Buffer | null,
    pseudo: string | null,
    key: Buffer | undefined,
    overlay?: Overlay,
  ): string {
    if (view === 'pseudonymized') return overlay ? overlay(caseId, pseudo ?? '') : (pseudo ?? '');
    if (!enc || !key || !binding) return '';
    try {
      return decrypt(key, enc, binding);
    } catch {
      // One damaged row must not hide the whole queue; it shows as empty and is logged by id.
      this.logger.warn({ caseId }, 'message text could not be decrypted');
      return '';
    }
  }
}

function truncate(text: string): string {
  return text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS - 1)}…` : text;
}

function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

function decodeCursor(cursor: string): { at: string; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at)) || !isUUID(id))
    throw caseError(CaseErrorCode.Invalid, 'cursor is not valid');
  return { at, id };
}

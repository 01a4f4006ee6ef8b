import { Injectable } from '@nestjs/common';
import { aad, Channel, decrypt, KeyRing, RowBinding } from '@webcare/platform';
import { AuditAction, AuditService } from '@webcare/domain';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { SubjectRequest } from './subject-request';
import { SubjectsRepository } from './subjects.repository';
import { SubjectExport } from './dto/subject.response.dto';

const iso = (d: Date | null) => d?.toISOString() ?? null;

function tryDecrypt(key: Buffer | null, sealed: Buffer | null, binding: RowBinding): string | null {
  if (!key || !sealed) return null;
  try {
    return decrypt(key, sealed, binding);
  } catch {
    return null;
  }
}

/** Access requests: everything held about one person. */
@Injectable()
export class SubjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectsRepository,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
  ) {}

  /**
   * Reads everything in one read-only snapshot, then audits in a transaction of its own: appending
   * to the audit chain inside the snapshot would conflict with every concurrent append (staff open
   * queues all the time) and fail the export. Only an audited export is returned.
   */
  async export(actor: AuthUser, channel: Channel, externalId: string): Promise<SubjectExport> {
    const request = SubjectRequest.open(actor, this.keyRing, channel, externalId);
    const out = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await this.subjects.readOnly(m);
      return this.collect(m, request);
    });
    await this.audit.recordNow(request.auditEntry(AuditAction.SubjectExported));
    return out;
  }

  private async collect(m: EntityManager, request: SubjectRequest): Promise<SubjectExport> {
    const { channel } = request;
    const contacts = await this.subjects.contacts(m, channel, request.lookupHash);
    const out: SubjectExport = {
      requestId: request.id,
      exportedAt: new Date().toISOString(),
      channel,
      contacts: [],
      cases: [],
    };
    for (const c of contacts) {
      const key = await this.keyRing.loadDataKey(c.data_key_id);
      out.contacts.push({
        id: c.id,
        channelAccountId: c.channel_account_id,
        externalId: tryDecrypt(key, c.external_id_enc, aad.contactField(c.id, 'external_id')),
        name: tryDecrypt(key, c.display_name_enc, aad.contactField(c.id, 'display_name')),
        createdAt: c.created_at.toISOString(),
      });
    }
    if (contacts.length)
      out.cases = await this.casesOf(
        m,
        contacts.map((c) => c.id),
      );
    return out;
  }

  private async casesOf(m: EntityManager, contactIds: string[]): Promise<SubjectExport['cases']> {
    const cases = await this.subjects.cases(m, contactIds);
    const result: SubjectExport['cases'] = [];
    for (const k of cases) {
      const key = await this.keyRing.loadDataKey(k.data_key_id);
      const [messages, pseudonyms, consents, notes, escalations] = await Promise.all([
        this.subjects.messages(m, k.id),
        this.subjects.pseudonyms(m, k.id),
        this.subjects.consents(m, k.id),
        this.subjects.notes(m, k.id),
        this.subjects.escalations(m, k.id),
      ]);
      result.push({
        id: k.id,
        contactId: k.contact_id,
        channelAccountId: k.channel_account_id,
        status: k.status,
        createdAt: k.created_at.toISOString(),
        firstInboundAt: k.first_inbound_at.toISOString(),
        answeredAt: iso(k.answered_at),
        closedAt: iso(k.closed_at),
        retentionPeriod: k.retention_period,
        retainUntil: iso(k.retain_until),
        messages: messages.map((msg) => ({
          id: msg.id,
          direction: msg.direction,
          type: msg.message_type,
          text: tryDecrypt(key, msg.text_enc, aad.message(msg.id)),
          sentAt: msg.sent_at.toISOString(),
        })),
        identifiers: pseudonyms.map((p) => {
          const opened = tryDecrypt(key, p.value_enc, aad.vaultEntry(k.id, p.token));
          let value: string | null = null;
          try {
            value = opened ? ((JSON.parse(opened) as { value?: string }).value ?? null) : null;
          } catch {
            value = opened;
          }
          return { token: p.token, type: p.entity_type, value };
        }),
        consents: consents.map((c) => ({
          id: c.id,
          purpose: c.purpose,
          status: c.status,
          requestedAt: c.requested_at.toISOString(),
          givenAt: iso(c.given_at),
          withdrawnAt: iso(c.withdrawn_at),
        })),
        notes: notes.map((n) => ({
          text: tryDecrypt(key, n.text_enc, aad.note(n.id)) ?? n.text_pseudo,
          createdAt: n.created_at.toISOString(),
        })),
        escalations: escalations.map((e) => ({
          id: e.id,
          status: e.status,
          note: e.note_pseudo,
          createdAt: e.created_at.toISOString(),
        })),
      });
    }
    return result;
  }
}

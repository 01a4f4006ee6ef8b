import { Injectable } from '@nestjs/common';
import {
  aad,
  AuditAction,
  AuditService,
  Channel,
  decrypt,
  KeyRing,
  RetentionSweeper,
  RowBinding,
  subjectLookupKey,
} from '@webcare/core';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../auth/auth.types';

export interface SubjectExport {
  /** Names this request in the audit trail (beside the person's keyed reference). */
  requestId: string;
  exportedAt: string;
  channel: Channel;
  contacts: {
    id: string;
    channelAccountId: string;
    externalId: string | null;
    name: string | null;
    createdAt: string;
  }[];
  cases: {
    id: string;
    contactId: string;
    channelAccountId: string;
    status: string;
    createdAt: string;
    firstInboundAt: string;
    answeredAt: string | null;
    closedAt: string | null;
    retentionPeriod: string | null;
    retainUntil: string | null;
    messages: { id: string; direction: string; type: string; text: string | null; sentAt: string }[];
    identifiers: { token: string; type: string; value: string | null }[];
    consents: {
      id: string;
      purpose: string;
      status: string;
      requestedAt: string;
      givenAt: string | null;
      withdrawnAt: string | null;
    }[];
    notes: { text: string; createdAt: string }[];
    escalations: { id: string; status: string; note: string; createdAt: string }[];
  }[];
}

export interface SubjectErasure {
  deleted: number;
  held: number;
  /** Webhook events from the person that were still waiting to be filed, deleted unread. */
  queued: number;
  requestId: string;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function tryDecrypt(key: Buffer | null, sealed: Buffer | null, binding: RowBinding): string | null {
  if (!key || !sealed) return null;
  try {
    return decrypt(key, sealed, binding);
  } catch {
    return null;
  }
}

/** Access and erasure requests: everything held about one person, or nothing at all. */
@Injectable()
export class SubjectsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
    private readonly sweeper: RetentionSweeper,
  ) {}

  /**
   * Reads everything in one read-only snapshot, then audits in a transaction of its own: appending
   * to the audit chain inside the snapshot would conflict with every concurrent append (staff open
   * queues all the time) and fail the export. Only an audited export is returned.
   */
  async export(actor: AuthUser, channel: Channel, externalId: string): Promise<SubjectExport> {
    const requestId = randomUUID();
    const out = await this.dataSource.transaction('REPEATABLE READ', async (m) => {
      await m.query('SET TRANSACTION READ ONLY');
      return this.collect(m, channel, externalId, requestId);
    });
    await this.audit.recordNow({
      actorId: actor.id,
      action: AuditAction.SubjectExported,
      objectType: 'subject',
      objectId: this.keyRing.subjectRef(channel, externalId),
      detail: `request:${requestId}`,
    });
    return out;
  }

  private async collect(
    m: EntityManager,
    channel: Channel,
    externalId: string,
    requestId: string,
  ): Promise<SubjectExport> {
    const hash = this.keyRing.lookupHash(subjectLookupKey(channel, externalId));
    const contacts: {
      id: string;
      channel_account_id: string;
      data_key_id: string;
      external_id_enc: Buffer;
      display_name_enc: Buffer | null;
      created_at: Date;
    }[] = await m.query(
      `SELECT id, channel_account_id, data_key_id, external_id_enc, display_name_enc, created_at
         FROM contacts WHERE channel = $1 AND external_hash = $2 ORDER BY created_at`,
      [channel, hash],
    );
    const out: SubjectExport = {
      requestId,
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
    const cases: {
      id: string;
      contact_id: string;
      channel_account_id: string;
      status: string;
      data_key_id: string;
      created_at: Date;
      first_inbound_at: Date;
      answered_at: Date | null;
      closed_at: Date | null;
      retention_period: string | null;
      retain_until: Date | null;
    }[] = await m.query(
      `SELECT id, contact_id, channel_account_id, status, data_key_id, created_at, first_inbound_at, answered_at,
              closed_at, retention_period, retain_until
         FROM cases WHERE contact_id = ANY($1::uuid[]) ORDER BY created_at`,
      [contactIds],
    );
    const result: SubjectExport['cases'] = [];
    for (const k of cases) {
      const key = await this.keyRing.loadDataKey(k.data_key_id);
      const [messages, pseudonyms, consents, notes, escalations] = await Promise.all([
        m.query(
          `SELECT id, direction, message_type, text_enc, sent_at FROM messages WHERE case_id = $1 ORDER BY sent_at, id`,
          [k.id],
        ) as Promise<
          { id: string; direction: string; message_type: string; text_enc: Buffer; sent_at: Date }[]
        >,
        m.query(`SELECT token, entity_type, value_enc FROM pseudonyms WHERE case_id = $1 ORDER BY token`, [
          k.id,
        ]) as Promise<{ token: string; entity_type: string; value_enc: Buffer }[]>,
        m.query(
          `SELECT id, purpose, status, requested_at, given_at, withdrawn_at FROM consents WHERE case_id = $1 ORDER BY requested_at`,
          [k.id],
        ) as Promise<
          {
            id: string;
            purpose: string;
            status: string;
            requested_at: Date;
            given_at: Date | null;
            withdrawn_at: Date | null;
          }[]
        >,
        m.query(
          `SELECT id, text_enc, text_pseudo, created_at FROM case_notes WHERE case_id = $1 ORDER BY created_at`,
          [k.id],
        ) as Promise<{ id: string; text_enc: Buffer; text_pseudo: string; created_at: Date }[]>,
        m.query(
          `SELECT id, status, note_pseudo, created_at FROM escalations WHERE case_id = $1 ORDER BY created_at`,
          [k.id],
        ) as Promise<{ id: string; status: string; note_pseudo: string; created_at: Date }[]>,
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

  /** Audited with the person's keyed reference and this request's id, never the identifier. */
  async erase(actor: AuthUser, channel: Channel, externalId: string): Promise<SubjectErasure> {
    const requestId = randomUUID();
    const result = await this.sweeper.eraseSubject(channel, externalId, actor.id, {
      subjectRef: this.keyRing.subjectRef(channel, externalId),
      requestId,
    });
    return { ...result, requestId };
  }
}

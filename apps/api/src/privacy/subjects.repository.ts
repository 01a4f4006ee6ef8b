import { Injectable } from '@nestjs/common';
import { Channel } from '@webcare/platform';
import { WaitingEventRow } from '@webcare/domain';
import { EntityManager } from 'typeorm';

export interface SubjectContactRow {
  id: string;
  channel_account_id: string;
  data_key_id: string;
  external_id_enc: Buffer;
  display_name_enc: Buffer | null;
  created_at: Date;
}

export interface SubjectCaseRow {
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
}

export interface SubjectMessageRow {
  id: string;
  direction: string;
  message_type: string;
  text_enc: Buffer;
  sent_at: Date;
}

export interface SubjectPseudonymRow {
  token: string;
  entity_type: string;
  value_enc: Buffer;
}

export interface SubjectConsentRow {
  id: string;
  purpose: string;
  status: string;
  requested_at: Date;
  given_at: Date | null;
  withdrawn_at: Date | null;
}

export interface SubjectNoteRow {
  id: string;
  text_enc: Buffer;
  text_pseudo: string;
  created_at: Date;
}

export interface SubjectEscalationRow {
  id: string;
  status: string;
  note_pseudo: string;
  created_at: Date;
}

/** A case of the person, locked for erasure. */
export interface ErasableCaseRow {
  id: string;
  team_id: string;
  contact_id: string;
  data_key_id: string;
}

/** Everything held about one person (by the keyed hash of their channel id), for access and erasure. */
@Injectable()
export class SubjectsRepository {
  /** Called first in the export's transaction: it reads a snapshot and writes nothing. */
  async readOnly(m: EntityManager): Promise<void> {
    await m.query('SET TRANSACTION READ ONLY');
  }

  async contacts(m: EntityManager, channel: Channel, externalHash: Buffer): Promise<SubjectContactRow[]> {
    return m.query(
      `SELECT id, channel_account_id, data_key_id, external_id_enc, display_name_enc, created_at
         FROM contacts WHERE channel = $1 AND external_hash = $2 ORDER BY created_at`,
      [channel, externalHash],
    );
  }

  async cases(m: EntityManager, contactIds: string[]): Promise<SubjectCaseRow[]> {
    return m.query(
      `SELECT id, contact_id, channel_account_id, status, data_key_id, created_at, first_inbound_at, answered_at,
              closed_at, retention_period, retain_until
         FROM cases WHERE contact_id = ANY($1::uuid[]) ORDER BY created_at`,
      [contactIds],
    );
  }

  async messages(m: EntityManager, caseId: string): Promise<SubjectMessageRow[]> {
    return m.query(
      `SELECT id, direction, message_type, text_enc, sent_at FROM messages WHERE case_id = $1 ORDER BY sent_at, id`,
      [caseId],
    );
  }

  async pseudonyms(m: EntityManager, caseId: string): Promise<SubjectPseudonymRow[]> {
    return m.query(`SELECT token, entity_type, value_enc FROM pseudonyms WHERE case_id = $1 ORDER BY token`, [
      caseId,
    ]);
  }

  async consents(m: EntityManager, caseId: string): Promise<SubjectConsentRow[]> {
    return m.query(
      `SELECT id, purpose, status, requested_at, given_at, withdrawn_at FROM consents WHERE case_id = $1 ORDER BY requested_at`,
      [caseId],
    );
  }

  async notes(m: EntityManager, caseId: string): Promise<SubjectNoteRow[]> {
    return m.query(
      `SELECT id, text_enc, text_pseudo, created_at FROM case_notes WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  }

  async escalations(m: EntityManager, caseId: string): Promise<SubjectEscalationRow[]> {
    return m.query(
      `SELECT id, status, note_pseudo, created_at FROM escalations WHERE case_id = $1 ORDER BY created_at`,
      [caseId],
    );
  }

  /**
   * The channel's webhook events still waiting to be filed, locked in intake's order (events, then
   * contacts). An event a worker is filing right now is waited for: once filed it is a contact
   * and case, which the erasure finds.
   */
  async lockWaitingEvents(m: EntityManager, channel: Channel): Promise<WaitingEventRow[]> {
    return m.query(
      `SELECT e.id, e.channel_account_id, e.external_hash, e.payload_enc FROM inbound_events e JOIN channel_accounts a ON a.id = e.channel_account_id
        WHERE a.channel = $1 AND e.processed_at IS NULL AND e.payload_enc IS NOT NULL
        ORDER BY e.id FOR UPDATE OF e`,
      [channel],
    );
  }

  async deleteEvents(m: EntityManager, eventIds: string[]): Promise<void> {
    if (!eventIds.length) return;
    await m.query(`DELETE FROM inbound_events WHERE id = ANY($1::bigint[])`, [eventIds]);
  }

  /** Same lock order as case intake (contact, then its cases), so the two cannot deadlock. */
  async lockContacts(m: EntityManager, channel: Channel, externalHash: Buffer): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM contacts WHERE channel = $1 AND external_hash = $2 ORDER BY id FOR UPDATE`,
      [channel, externalHash],
    );
    return rows.map((r) => r.id);
  }

  async lockCases(m: EntityManager, contactIds: string[]): Promise<ErasableCaseRow[]> {
    if (!contactIds.length) return [];
    return m.query(
      `SELECT id, team_id, contact_id, data_key_id FROM cases WHERE contact_id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
      [contactIds],
    );
  }
}

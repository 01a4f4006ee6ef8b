import { Injectable } from '@nestjs/common';
import { InboundMessageEvent } from '@webcare/channels';
import {
  ChannelAccountSecrets,
  ChannelAccountsService,
  encrypt,
  inboundEventKey,
  KeyRing,
  preparedQuery,
  PseudonymVaultStore,
  teamRoom,
  userRoom,
} from '@webcare/core';
import { EntityManager } from 'typeorm';
import { PendingEmit } from './inbound-event.handler';

interface CaseRow {
  id: string;
  team_id: string;
  assignee_id: string | null;
  status: string;
  data_key_id: string;
}

interface ContactRow {
  contact_id: string;
  case_id: string | null;
  team_id: string | null;
  assignee_id: string | null;
  status: string | null;
  data_key_id: string | null;
}

/**
 * Files an inbound message: contact, the contact's open case (reopened or new), message, token
 * vault. Statements are combined where it is safe (key + row inserts, message + new tokens):
 * round trips to Postgres are most of the cost of ingest.
 */
@Injectable()
export class CaseIntakeService {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly accounts: ChannelAccountsService,
    private readonly vaults: PseudonymVaultStore,
  ) {}

  async intake(
    manager: EntityManager,
    channelAccountId: string,
    event: InboundMessageEvent,
  ): Promise<PendingEmit[]> {
    const account = await this.accounts.byId(channelAccountId);
    if (!account) return [];
    const { kase, created, reopened, key } = await this.openCaseFor(manager, account, event);

    const result = await this.vaults.anonymizeForCase(manager, kase.id, key, event.text, account.allowlist, {
      newCase: created,
    });
    const [message] = await preparedQuery<{ id: string }>(
      manager,
      'intake-message',
      `WITH tokens AS (
         INSERT INTO pseudonyms (case_id, token, entity_type, value_enc)
         SELECT $1, * FROM unnest($10::text[], $11::text[], $12::bytea[])
       )
       INSERT INTO messages (case_id, channel_account_id, direction, external_hash, message_type, text_enc, text_pseudo, entities, special, sent_at)
       VALUES ($1, $2, 'in', $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (channel_account_id, external_hash) WHERE external_hash IS NOT NULL DO NOTHING
       RETURNING id`,
      [
        kase.id,
        account.id,
        this.keyRing.lookupHash(inboundEventKey(event)),
        event.messageType,
        encrypt(key, event.text, kase.id),
        result.text,
        JSON.stringify(result.entities),
        JSON.stringify(result.special),
        event.timestamp,
        ...this.vaults.sealEntries(kase.id, key, result.newEntries),
      ],
    );
    if (!message) return [];

    const rooms = [teamRoom(kase.team_id), ...(kase.assignee_id ? [userRoom(kase.assignee_id)] : [])];
    const emits: PendingEmit[] = [];
    if (created) {
      emits.push({
        rooms,
        event: 'case.created',
        payload: { caseId: kase.id, channel: account.channel, teamId: kase.team_id },
      });
    }
    if (reopened) {
      emits.push({
        rooms,
        event: 'case.updated',
        payload: { caseId: kase.id, status: 'open', assigneeId: kase.assignee_id },
      });
    }
    emits.push({
      rooms,
      event: 'message.created',
      payload: { caseId: kase.id, messageId: message.id, direction: 'in' },
    });
    return emits;
  }

  /**
   * Locks the contact (which serializes case creation per person) and finds its open or answered
   * case in one statement; creates whichever is missing.
   */
  private async openCaseFor(
    manager: EntityManager,
    account: ChannelAccountSecrets,
    event: InboundMessageEvent,
  ): Promise<{ kase: CaseRow; created: boolean; reopened: boolean; key: Buffer }> {
    const hash = this.keyRing.lookupHash(`${account.channel}:user:${event.senderExternalId}`);
    const contact =
      (await this.findContact(manager, account.id, hash)) ??
      (await this.createContact(manager, account, hash, event));
    if (contact.case_id) {
      const current: CaseRow = {
        id: contact.case_id,
        team_id: contact.team_id!,
        assignee_id: contact.assignee_id,
        status: contact.status!,
        data_key_id: contact.data_key_id!,
      };
      // A new question stops the retention clock until it is answered again.
      await preparedQuery(
        manager,
        'intake-reopen',
        `UPDATE cases SET status = 'open', retain_until = NULL, last_message_at = GREATEST(last_message_at, $2), updated_at = now()
          WHERE id = $1`,
        [current.id, event.timestamp],
      );
      const key = await this.keyRing.loadDataKey(manager, current.data_key_id);
      if (!key) throw new Error('Case data key is missing');
      return { kase: current, created: false, reopened: current.status === 'answered', key };
    }
    const dataKey = this.keyRing.newDataKey();
    // Round-robin by load: the available agent of the team with the fewest open cases below their
    // capacity (ties by id, so equal agents take turns); none leaves the case in the team queue.
    const [kase] = await preparedQuery<CaseRow>(
      manager,
      'intake-new-case',
      `WITH k AS (INSERT INTO data_keys (id, wrapped) VALUES ($5, $6))
       INSERT INTO cases (channel, channel_account_id, contact_id, team_id, assignee_id, status, data_key_id, first_inbound_at, last_message_at)
       VALUES ($1, $2, $3, $4, (
         SELECT u.id FROM users u
          CROSS JOIN LATERAL (SELECT count(*) AS n FROM cases c WHERE c.assignee_id = u.id AND c.status = 'open') open_cases
          WHERE u.team_id = $4 AND u.role = 'agent' AND u.active AND u.available AND open_cases.n < u.capacity
          ORDER BY open_cases.n, u.id LIMIT 1
       ), 'open', $5, $7, $7)
       RETURNING id, team_id, assignee_id, status, data_key_id`,
      [
        account.channel,
        account.id,
        contact.contact_id,
        account.teamId,
        dataKey.id,
        dataKey.wrapped,
        event.timestamp,
      ],
    );
    return { kase, created: true, reopened: false, key: dataKey.key };
  }

  private async findContact(
    manager: EntityManager,
    accountId: string,
    hash: Buffer,
  ): Promise<ContactRow | undefined> {
    const [row] = await preparedQuery<ContactRow>(
      manager,
      'intake-find-contact',
      `SELECT ct.id AS contact_id, c.id AS case_id, c.team_id, c.assignee_id, c.status, c.data_key_id
         FROM contacts ct
         LEFT JOIN LATERAL (
           SELECT id, team_id, assignee_id, status, data_key_id FROM cases
            WHERE contact_id = ct.id AND channel_account_id = $1 AND status IN ('open', 'answered')
            ORDER BY created_at DESC LIMIT 1
         ) c ON true
        WHERE ct.channel_account_id = $1 AND ct.external_hash = $2
          FOR UPDATE OF ct`,
      [accountId, hash],
    );
    return row;
  }

  private async createContact(
    manager: EntityManager,
    account: ChannelAccountSecrets,
    hash: Buffer,
    event: InboundMessageEvent,
  ): Promise<ContactRow> {
    const dataKey = this.keyRing.newDataKey();
    const [inserted] = await preparedQuery<{ id: string }>(
      manager,
      'intake-new-contact',
      `WITH k AS (INSERT INTO data_keys (id, wrapped) VALUES ($4, $7))
       INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_account_id, external_hash) DO NOTHING RETURNING id`,
      [
        account.channel,
        account.id,
        hash,
        dataKey.id,
        encrypt(dataKey.key, event.senderExternalId),
        event.senderName ? encrypt(dataKey.key, event.senderName) : null,
        dataKey.wrapped,
      ],
    );
    if (inserted) {
      return {
        contact_id: inserted.id,
        case_id: null,
        team_id: null,
        assignee_id: null,
        status: null,
        data_key_id: null,
      };
    }
    // Another worker created the contact first: drop our unused key and take theirs, locked.
    await manager.query(`DELETE FROM data_keys WHERE id = $1`, [dataKey.id]);
    return (await this.findContact(manager, account.id, hash))!;
  }
}

import { Injectable } from '@nestjs/common';
import { InboundMessageEvent } from '@webcare/channels';
import {
  ChannelAccountSecrets,
  ChannelAccountsService,
  encrypt,
  inboundEventKey,
  KeyRing,
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

/** Files an inbound message: contact, the contact's open case (reopened or new), message, token vault. */
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
    const contact = await this.lockContact(manager, account, event);
    const { kase, created, reopened, key } = await this.openCaseFor(
      manager,
      account,
      contact,
      event.timestamp,
    );

    const result = await this.vaults.pseudonymize(manager, kase.id, key, event.text, account.allowlist, {
      newCase: created,
    });
    const [message]: { id: string }[] = await manager.query(
      `INSERT INTO messages (case_id, channel_account_id, direction, external_hash, message_type, text_enc, text_pseudo, entities, special, sent_at)
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
      ],
    );
    if (!message) return [];

    const rooms = [teamRoom(kase.team_id), ...(kase.assignee_id ? [userRoom(kase.assignee_id)] : [])];
    const emits: PendingEmit[] = [];
    if (created)
      emits.push({
        rooms,
        event: 'case.created',
        payload: { caseId: kase.id, channel: account.channel, teamId: kase.team_id },
      });
    if (reopened)
      emits.push({
        rooms,
        event: 'case.updated',
        payload: { caseId: kase.id, status: 'open', assigneeId: kase.assignee_id },
      });
    emits.push({
      rooms,
      event: 'message.created',
      payload: { caseId: kase.id, messageId: message.id, direction: 'in' },
    });
    return emits;
  }

  /** Finds or creates the contact and locks its row, which serializes case creation per person. */
  private async lockContact(
    manager: EntityManager,
    account: ChannelAccountSecrets,
    event: InboundMessageEvent,
  ): Promise<{ id: string; isNew: boolean }> {
    const hash = this.keyRing.lookupHash(`${account.channel}:user:${event.senderExternalId}`);
    const find = async () =>
      (
        (await manager.query(
          `SELECT id FROM contacts WHERE channel_account_id = $1 AND external_hash = $2 FOR UPDATE`,
          [account.id, hash],
        )) as { id: string }[]
      )[0]?.id;
    const existing = await find();
    if (existing) return { id: existing, isNew: false };
    const dataKey = await this.keyRing.createDataKey(manager);
    const inserted: { id: string }[] = await manager.query(
      `INSERT INTO contacts (channel, channel_account_id, external_hash, data_key_id, external_id_enc, display_name_enc)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (channel_account_id, external_hash) DO NOTHING RETURNING id`,
      [
        account.channel,
        account.id,
        hash,
        dataKey.id,
        encrypt(dataKey.key, event.senderExternalId),
        event.senderName ? encrypt(dataKey.key, event.senderName) : null,
      ],
    );
    if (inserted[0]) return { id: inserted[0].id, isNew: true };
    await manager.query(`DELETE FROM data_keys WHERE id = $1`, [dataKey.id]);
    return { id: (await find())!, isNew: false };
  }

  private async openCaseFor(
    manager: EntityManager,
    account: ChannelAccountSecrets,
    contact: { id: string; isNew: boolean },
    at: Date,
  ): Promise<{ kase: CaseRow; created: boolean; reopened: boolean; key: Buffer }> {
    const contactId = contact.id;
    const [current]: CaseRow[] = contact.isNew
      ? []
      : await manager.query(
          `SELECT id, team_id, assignee_id, status, data_key_id FROM cases
        WHERE contact_id = $1 AND channel_account_id = $2 AND status IN ('open', 'answered')
        ORDER BY created_at DESC LIMIT 1 FOR UPDATE`,
          [contactId, account.id],
        );
    if (current) {
      // A new question stops the retention clock until it is answered again.
      await manager.query(
        `UPDATE cases SET status = 'open', retain_until = NULL, last_message_at = GREATEST(last_message_at, $2), updated_at = now()
          WHERE id = $1`,
        [current.id, at],
      );
      const key = await this.keyRing.loadDataKey(manager, current.data_key_id);
      if (!key) throw new Error('Case data key is missing');
      return { kase: current, created: false, reopened: current.status === 'answered', key };
    }
    const dataKey = await this.keyRing.createDataKey(manager);
    const [kase]: CaseRow[] = await manager.query(
      `INSERT INTO cases (channel, channel_account_id, contact_id, team_id, assignee_id, status, data_key_id, first_inbound_at, last_message_at)
       VALUES ($1, $2, $3, $4, $5, 'open', $6, $7, $7)
       RETURNING id, team_id, assignee_id, status, data_key_id`,
      [
        account.channel,
        account.id,
        contactId,
        account.teamId,
        await this.nextAgent(manager, account.teamId),
        dataKey.id,
        at,
      ],
    );
    return { kase, created: true, reopened: false, key: dataKey.key };
  }

  /**
   * Round-robin by load: the available agent of the team with the fewest open cases, below their
   * capacity (ties by id, so equal agents take turns as their counts rise). Null leaves the case
   * in the team queue.
   */
  private async nextAgent(manager: EntityManager, teamId: string): Promise<string | null> {
    const [agent]: { id: string }[] = await manager.query(
      `SELECT u.id FROM users u
         CROSS JOIN LATERAL (SELECT count(*) AS n FROM cases c WHERE c.assignee_id = u.id AND c.status = 'open') open_cases
        WHERE u.team_id = $1 AND u.role = 'agent' AND u.active AND u.available AND open_cases.n < u.capacity
        ORDER BY open_cases.n, u.id
        LIMIT 1`,
      [teamId],
    );
    return agent?.id ?? null;
  }
}

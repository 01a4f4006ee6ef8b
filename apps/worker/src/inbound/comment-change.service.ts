import { Injectable } from '@nestjs/common';
import { CommentChangeEvent } from '@webcare/channels';
import {
  AuditAction,
  AuditService,
  ChannelAccountsService,
  encrypt,
  inboundEventKey,
  KeyRing,
  PseudonymVaultStore,
  teamRoom,
} from '@webcare/core';
import { EntityManager } from 'typeorm';
import { PendingEmit } from './inbound-event.handler';

interface StoredComment {
  id: string;
  edited_at: Date | null;
  platform_state_at: Date | null;
  case_id: string;
  data_key_id: string;
  team_id: string;
  status: string;
  assignee_id: string | null;
}

/**
 * Applies what a person (or the page) did to a comment we stored: an edit replaces our copy and
 * re-anonymizes it, a removal forgets it (the text, and tokens no other text of the case uses), hiding
 * is kept as a state. Changes to comments we never stored (the page's own, or already forgotten) do nothing.
 */
@Injectable()
export class CommentChangeService {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly accounts: ChannelAccountsService,
    private readonly audit: AuditService,
  ) {}

  async apply(manager: EntityManager, accountId: string, event: CommentChangeEvent): Promise<PendingEmit[]> {
    const hash = this.keyRing.lookupHash(
      inboundEventKey({ kind: 'message', channel: event.channel, externalId: event.externalId }),
    );
    if (event.action === 'remove') {
      // The comment may still wait to be filed (its batch runs concurrently): it is dropped unread. If
      // another job is filing it right now this waits for that job, and the comment is found below.
      await manager.query(
        `UPDATE inbound_events SET processed_at = now(), payload_enc = NULL
          WHERE channel_account_id = $1 AND external_hash = $2 AND processed_at IS NULL`,
        [accountId, hash],
      );
    }
    const [comment]: StoredComment[] = await manager.query(
      `SELECT m.id, m.edited_at, m.platform_state_at, m.case_id, c.data_key_id, c.team_id, c.status, c.assignee_id
         FROM messages m JOIN cases c ON c.id = m.case_id
        WHERE m.channel_account_id = $1 AND m.external_hash = $2 AND m.direction = 'in'
        FOR UPDATE OF m`,
      [accountId, hash],
    );
    if (!comment) return [];
    switch (event.action) {
      case 'hide':
      case 'unhide':
        if (comment.platform_state_at && comment.platform_state_at >= event.timestamp) return [];
        await manager.query(`UPDATE messages SET platform_state = $2, platform_state_at = $3 WHERE id = $1`, [
          comment.id,
          event.action === 'hide' ? 'hidden' : null,
          event.timestamp,
        ]);
        break;
      case 'edit':
        if (comment.edited_at && comment.edited_at >= event.timestamp) return [];
        await this.replaceText(manager, accountId, comment, event.text ?? '', event.timestamp);
        break;
      case 'remove':
        await manager.query(`DELETE FROM messages WHERE id = $1`, [comment.id]);
        await this.pruneTokens(manager, comment.case_id);
        await this.audit.record(manager, {
          actorId: null,
          action: AuditAction.CommentForgotten,
          objectType: 'case',
          objectId: comment.case_id,
        });
        break;
    }
    return [
      {
        rooms: [teamRoom(comment.team_id)],
        event: 'case.updated',
        payload: { caseId: comment.case_id, status: comment.status, assigneeId: comment.assignee_id },
      },
    ];
  }

  private async replaceText(
    manager: EntityManager,
    accountId: string,
    comment: StoredComment,
    text: string,
    editedAt: Date,
  ): Promise<void> {
    const key = await this.keyRing.loadDataKey(manager, comment.data_key_id);
    if (!key) return; // the case was shredded meanwhile: nothing left to edit
    const account = await this.accounts.byId(accountId);
    const vault = await this.vaults.load(manager, comment.case_id, key);
    const result = this.vaults.anonymizeWith(vault, text, account?.allowlist);
    await this.vaults.save(manager, comment.case_id, key, result.newEntries);
    await manager.query(
      `UPDATE messages SET text_enc = $2, text_pseudo = $3, entities = $4, special = $5, edited_at = $6 WHERE id = $1`,
      [
        comment.id,
        encrypt(key, text, comment.case_id),
        result.text,
        JSON.stringify(result.entities),
        JSON.stringify(result.special),
        editedAt,
      ],
    );
    await this.pruneTokens(manager, comment.case_id);
  }

  /** Deletes the case's tokens (and their encrypted values) that no remaining text of the case refers to. */
  private async pruneTokens(manager: EntityManager, caseId: string): Promise<void> {
    await manager.query(
      `DELETE FROM pseudonyms p
        WHERE p.case_id = $1
          AND NOT EXISTS (SELECT 1 FROM messages m WHERE m.case_id = $1 AND strpos(m.text_pseudo, p.token) > 0)
          AND NOT EXISTS (SELECT 1 FROM case_notes n WHERE n.case_id = $1 AND strpos(n.text_pseudo, p.token) > 0)
          AND NOT EXISTS (
            SELECT 1 FROM escalations e
             WHERE e.case_id = $1
               AND (strpos(e.note_pseudo, p.token) > 0 OR strpos(COALESCE(e.answer_pseudo, ''), p.token) > 0)
          )`,
      [caseId],
    );
  }
}

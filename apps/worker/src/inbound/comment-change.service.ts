import { Injectable } from '@nestjs/common';
import { CommentChangeEvent } from '@webcare/channels';
import { aad, encrypt, KeyRing, PendingEmit, teamRoom } from '@webcare/platform';
import {
  AuditAction,
  auditEntry,
  AuditService,
  ChannelAccountsService,
  inboundEventKey,
  PseudonymVaultStore,
} from '@webcare/domain';
import { EntityManager } from 'typeorm';
import { CommentRepository, StoredCommentRow } from './comment.repository';

/**
 * Applies what a person (or the page) did to a comment we stored: an edit replaces our copy and
 * re-anonymizes it, a removal forgets it (the text, and tokens no other text of the case uses), hiding
 * is kept as a state. Changes to comments we never stored (the page's own, or already forgotten) do
 * nothing; a change older than one already applied (batches are filed concurrently) does nothing either.
 */
@Injectable()
export class CommentChangeService {
  constructor(
    private readonly keyRing: KeyRing,
    private readonly vaults: PseudonymVaultStore,
    private readonly accounts: ChannelAccountsService,
    private readonly audit: AuditService,
    private readonly comments: CommentRepository,
  ) {}

  async apply(manager: EntityManager, accountId: string, event: CommentChangeEvent): Promise<PendingEmit[]> {
    const hash = this.keyRing.lookupHash(
      inboundEventKey({ kind: 'message', channel: event.channel, externalId: event.externalId }),
    );
    // A removed comment is never filed later: not when its event still waits in the queue (a job filing
    // it right now is waited for, and the comment is found below), nor when its webhook arrives late.
    if (event.action === 'remove') await this.comments.closeCommentEvent(manager, accountId, hash);
    const comment = await this.comments.lockComment(manager, accountId, hash);
    if (!comment) return [];
    switch (event.action) {
      case 'hide':
      case 'unhide':
        if (comment.platform_state_at && comment.platform_state_at >= event.timestamp) return [];
        await this.comments.setPlatformState(
          manager,
          comment.id,
          event.action === 'hide' ? 'hidden' : null,
          event.timestamp,
        );
        break;
      case 'edit':
        if (comment.edited_at && comment.edited_at >= event.timestamp) return [];
        await this.replaceText(manager, accountId, comment, event.text ?? '', event.timestamp);
        break;
      case 'remove':
        await this.comments.deleteMessage(manager, comment.id);
        await this.vaults.pruneUnused(manager, comment.case_id);
        await this.audit.record(
          manager,
          auditEntry(null, AuditAction.CommentForgotten, 'case', comment.case_id),
        );
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
    comment: StoredCommentRow,
    text: string,
    editedAt: Date,
  ): Promise<void> {
    const key = await this.keyRing.loadDataKey(comment.data_key_id);
    if (!key) return; // the case was shredded meanwhile: nothing left to edit
    const account = await this.accounts.byId(accountId);
    const vault = await this.vaults.load(manager, comment.case_id, key);
    const result = this.vaults.anonymizeWith(vault, text, account?.allowlist);
    await this.vaults.save(manager, comment.case_id, key, result.newEntries);
    await this.comments.replaceText(
      manager,
      comment.id,
      {
        enc: encrypt(key, text, aad.message(comment.id)),
        pseudo: result.text,
        entities: result.entities,
        special: result.special,
        withheld: result.withheld,
      },
      editedAt,
    );
    await this.vaults.pruneUnused(manager, comment.case_id);
  }
}

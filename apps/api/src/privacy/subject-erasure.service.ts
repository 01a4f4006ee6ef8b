import { Injectable } from '@nestjs/common';
import { Channel, KeyRing } from '@webcare/platform';
import {
  AuditAction,
  AuditService,
  CaseShredder,
  CaseTarget,
  queuedPayloadsOf,
} from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { SubjectRequest } from './subject-request';
import { ErasableCaseRow, SubjectsRepository } from './subjects.repository';
import { SubjectErasure } from './dto/subject.response.dto';

const erasureTarget = (c: ErasableCaseRow): CaseTarget => ({
  id: c.id,
  teamId: c.team_id,
  contactId: c.contact_id,
  dataKeyId: c.data_key_id,
  reason: 'erasure',
  policy: null,
});

/**
 * Erasure on request: every case of the person on this channel (across channel accounts) goes
 * now, through the retention sweep's deletion path, except cases under an active legal hold; then
 * the contacts, and what the person sent that is not filed yet.
 */
@Injectable()
export class SubjectErasureService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectsRepository,
    private readonly shredder: CaseShredder,
    private readonly keyRing: KeyRing,
    private readonly audit: AuditService,
  ) {}

  /** Audited with the person's keyed reference and this request's id, never the identifier. */
  async erase(actor: AuthUser, channel: Channel, externalId: string): Promise<SubjectErasure> {
    const request = SubjectRequest.open(actor, this.keyRing, channel, externalId);
    const { deleted, held, queued } = await this.dataSource.transaction(async (m) => {
      // Waiting webhook events first (intake's lock order): what the person sent but is not filed yet.
      const waiting = await this.subjects.lockWaitingEvents(m, channel);
      const theirs = queuedPayloadsOf(this.keyRing, waiting, channel, externalId);
      await this.subjects.deleteEvents(m, theirs);
      const contactIds = await this.subjects.lockContacts(m, channel, request.lookupHash);
      const cases = await this.subjects.lockCases(m, contactIds);
      const shredded = await this.shredder.shred(m, cases.map(erasureTarget), {
        sweepId: null,
        actorId: actor.id,
      });
      // Contacts without any case (all swept earlier, or never got one) go as well.
      await this.shredder.deleteOrphanContacts(m, contactIds);
      await this.audit.record(m, request.auditEntry(AuditAction.SubjectErased));
      return { deleted: shredded.deleted, held: shredded.held.length, queued: theirs.length };
    });
    await this.shredder.afterCommit(deleted);
    return { deleted: deleted.length, held, queued, requestId: request.id };
  }
}

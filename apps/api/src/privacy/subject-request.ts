import { randomUUID } from 'node:crypto';
import { Channel, KeyRing, subjectLookupKey } from '@webcare/platform';
import { AuditAction, auditEntry, AuditEntry } from '@webcare/domain';
import { AuthUser } from '../auth/auth.types';
import { privacyOfficerOnly } from './privacy.errors';

/**
 * One access or erasure request about a person, once the privacy officer's role is checked: its id,
 * the contacts' lookup hash, and the keyed reference the audit trail names instead of the identifier.
 */
export class SubjectRequest {
  readonly id = randomUUID();
  readonly lookupHash: Buffer;
  private readonly ref: string;

  private constructor(
    private readonly actor: AuthUser,
    keyRing: KeyRing,
    readonly channel: Channel,
    externalId: string,
  ) {
    this.lookupHash = keyRing.lookupHash(subjectLookupKey(channel, externalId));
    this.ref = keyRing.subjectRef(channel, externalId);
  }

  static open(actor: AuthUser, keyRing: KeyRing, channel: Channel, externalId: string): SubjectRequest {
    privacyOfficerOnly(actor);
    return new SubjectRequest(actor, keyRing, channel, externalId);
  }

  auditEntry(action: AuditAction.SubjectExported | AuditAction.SubjectErased): AuditEntry {
    return auditEntry(this.actor.id, action, 'subject', this.ref, `request:${this.id}`);
  }
}

/** What the audit trail records; object ids are internal ids, never content or identifiers. */
export enum AuditAction {
  CaseViewOriginal = 'case.view_original',
  /** A queue page with previews of original messages. */
  CaseListOriginal = 'case.list_original',
  CaseAssigned = 'case.assigned',
  CaseClosed = 'case.closed',
  ReplyQueued = 'reply.queued',
  EscalationCreated = 'escalation.created',
  ConsentRequested = 'consent.requested',
  ConsentGiven = 'consent.given',
  ConsentWithdrawn = 'consent.withdrawn',
  OriginalRevealed = 'case.reveal_original',
  RetentionPolicyChanged = 'retention.policy_changed',
  LegalHoldPlaced = 'legal_hold.placed',
  LegalHoldReleased = 'legal_hold.released',
  CaseDeleted = 'case.deleted',
  SubjectExported = 'subject.exported',
  SubjectErased = 'subject.erased',
  UserCreated = 'user.created',
  /** Name, role or team changed; the detail names the roles, never the person. */
  UserChanged = 'user.changed',
  UserDeactivated = 'user.deactivated',
  UserReactivated = 'user.reactivated',
  TeamCreated = 'team.created',
  /** An agent marked a span the anonymizer missed (the value is never recorded). */
  RedactionAdded = 'redaction.added',
  RedactionRemoved = 'redaction.removed',
  /** A person removed their comment on the platform; our copy and its tokens were deleted. */
  CommentForgotten = 'comment.forgotten',
  ChannelAccountSettingsChanged = 'channel_account.settings_changed',
  ChannelAccountCreated = 'channel_account.created',
  ChannelAccountSecretsRotated = 'channel_account.secrets_rotated',
  /** Written once when an install's chain continues from unkeyed to keyed hashes. */
  AuditChainKeyed = 'audit.chain_keyed',
}

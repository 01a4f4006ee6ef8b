import { DeletionReason } from './retention-policy';

/** Every table a case deletion touches, in receipt order; each receipt lists all of them. */
export const DELETION_TABLES = [
  'data_keys',
  'messages',
  'inbound_events',
  'pseudonyms',
  'consents',
  'escalations',
  'case_notes',
  'legal_holds',
  'cases',
  'contacts',
] as const;
export type DeletionTable = (typeof DELETION_TABLES)[number];
export type DeletionCounts = Record<DeletionTable, number>;

/** A locked case about to be deleted. */
export interface CaseTarget {
  id: string;
  teamId: string;
  contactId: string;
  dataKeyId: string;
  reason: DeletionReason;
  /** The retention period that applied (ISO-8601), or null for erasure. */
  policy: string | null;
}

export interface DeletedCase {
  caseId: string;
  teamId: string;
  receiptId: string;
  reason: DeletionReason;
  counts: DeletionCounts;
}

/** Who deletes: a sweep (its id) or a person (erasure). Named in receipts and audit events. */
export interface ShredContext {
  sweepId: string | null;
  actorId: string | null;
}

export function emptyCounts(): DeletionCounts {
  return Object.fromEntries(DELETION_TABLES.map((t) => [t, 0])) as DeletionCounts;
}

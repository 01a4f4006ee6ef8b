import { createHash } from 'node:crypto';

export interface AuditRecord {
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/** Each event's hash covers its fields and the previous hash: editing or removing a row breaks the chain. */
export function chainHash(prevHash: string, r: AuditRecord): string {
  return createHash('sha256')
    .update(
      [
        prevHash,
        r.at.toISOString(),
        r.actorId ?? '',
        r.action,
        r.objectType,
        r.objectId ?? '',
        // Appended only when present, so rows written before the column existed hash as they did.
        ...(r.detail ? [r.detail] : []),
      ].join('\u001f'),
    )
    .digest('hex');
}

export interface VerifyResult {
  valid: boolean;
  events: number;
  /** Id of the first event whose hash does not follow from its predecessor. */
  brokenAt?: string;
}

/** Recomputes the chain over rows in id order; `head` is the hash the last row must end on. */
export function verifyChain(
  rows: (AuditRecord & { id: string; prevHash: string; hash: string })[],
  head: string,
): VerifyResult {
  let prev = GENESIS_HASH;
  for (const row of rows) {
    if (row.prevHash !== prev || chainHash(prev, row) !== row.hash) {
      return { valid: false, events: rows.length, brokenAt: row.id };
    }
    prev = row.hash;
  }
  return prev === head ? { valid: true, events: rows.length } : { valid: false, events: rows.length };
}

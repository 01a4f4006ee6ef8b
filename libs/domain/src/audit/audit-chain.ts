import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export interface AuditRecord {
  at: Date;
  actorId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  detail?: string | null;
}

export const GENESIS_HASH = '0'.repeat(64);

/**
 * 1: plain SHA-256, written before the chain was keyed (anyone who can write the table could
 * recompute it). 2: HMAC-SHA256 with a key derived from DATA_KEY, which the database never holds.
 */
export type ChainVersion = 1 | 2;
export const CURRENT_CHAIN_VERSION: ChainVersion = 2;

function fields(prevHash: string, r: AuditRecord): string {
  return [
    prevHash,
    r.at.toISOString(),
    r.actorId ?? '',
    r.action,
    r.objectType,
    r.objectId ?? '',
    // Appended only when present, so rows written before the column existed hash as they did.
    ...(r.detail ? [r.detail] : []),
  ].join('\u001f');
}

/** Each event's hash covers its fields and the previous hash: editing or removing a row breaks the chain. */
export function chainHash(prevHash: string, r: AuditRecord): string {
  return createHash('sha256').update(fields(prevHash, r)).digest('hex');
}

/** The keyed form: without the key nobody can forge a consistent chain after editing it. */
export function keyedChainHash(key: Buffer, prevHash: string, r: AuditRecord): string {
  return createHmac('sha256', key).update(fields(prevHash, r)).digest('hex');
}

export interface ChainRow extends AuditRecord {
  id: string;
  prevHash: string;
  hash: string;
  chainVersion: number;
}

export interface VerifyResult {
  valid: boolean;
  events: number;
  /** Id of the first event whose hash does not follow from its predecessor. */
  brokenAt?: string;
}

/**
 * Verifies a chain one row at a time (rows in id order), so the table can be streamed. Unkeyed
 * rows are accepted only before the first keyed one: the first keyed row's HMAC covers the last
 * unkeyed hash, which seals the older part. After the first break it only counts.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private keyed = false;
  private events = 0;
  private brokenAt: string | undefined;
  /** Hash after each count the caller asked about (a checkpoint's `events`). */
  private readonly watched = new Map<number, string>();

  constructor(private readonly key: Buffer) {}

  watch(events: number): void {
    this.watched.set(events, '');
  }

  hashAfter(events: number): string | undefined {
    return this.watched.get(events) || undefined;
  }

  push(row: ChainRow): void {
    this.events++;
    if (this.brokenAt !== undefined) return;
    const version = row.chainVersion;
    const expected =
      version === 2
        ? keyedChainHash(this.key, this.prev, row)
        : version === 1 && !this.keyed
          ? chainHash(this.prev, row)
          : null;
    if (row.prevHash !== this.prev || expected === null || !sameHex(expected, row.hash)) {
      this.brokenAt = row.id;
      return;
    }
    if (version === 2) this.keyed = true;
    this.prev = row.hash;
    if (this.watched.has(this.events)) this.watched.set(this.events, row.hash);
  }

  /**
   * `head` is the hash the last row must end on (kept beside the table). A chain that has rows must
   * end on a keyed one (the API seals an older chain with a keyed event at start-up), so rewriting
   * everything in the unkeyed form does not pass.
   */
  finish(head: string): VerifyResult {
    if (this.brokenAt !== undefined) return { valid: false, events: this.events, brokenAt: this.brokenAt };
    return { valid: this.prev === head && (this.events === 0 || this.keyed), events: this.events };
  }
}

/** Recomputes a whole chain held in memory (tests, small tools). */
export function verifyChain(rows: ChainRow[], head: string, key: Buffer): VerifyResult {
  const verifier = new ChainVerifier(key);
  for (const row of rows) verifier.push(row);
  return verifier.finish(head);
}

export interface AuditCheckpoint {
  events: number;
  head: string;
  at: string;
  signature: string;
}

function checkpointPayload(c: Omit<AuditCheckpoint, 'signature'>): string {
  return `webcare-audit-checkpoint:1:${c.events}:${c.head}:${c.at}`;
}

/** A count and head, timestamped and signed, for the privacy officer to keep outside the system. */
export function signCheckpoint(key: Buffer, c: Omit<AuditCheckpoint, 'signature'>): AuditCheckpoint {
  return { ...c, signature: createHmac('sha256', key).update(checkpointPayload(c)).digest('hex') };
}

export function checkpointSignatureValid(key: Buffer, c: AuditCheckpoint): boolean {
  const expected = createHmac('sha256', key).update(checkpointPayload(c)).digest('hex');
  return sameHex(expected, c.signature);
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig, deriveKey } from '@webcare/platform';
import { AuditAction } from './audit-actions';
import {
  AuditCheckpoint,
  ChainVerifier,
  checkpointSignatureValid,
  CURRENT_CHAIN_VERSION,
  GENESIS_HASH,
  keyedChainHash,
  signCheckpoint,
  VerifyResult,
} from './audit-chain';
import { AuditEventView } from './audit-event.dto';
import { AuditRepository, ChainedEvent } from './audit.repository';

export type CheckpointVerifyResult = VerifyResult & {
  /** Whether the chain, at the checkpoint's count, still ends on the checkpoint's head. */
  checkpoint: 'matches' | 'mismatch';
};

export interface AuditEntry {
  actorId: string | null;
  action: AuditAction;
  objectType: string;
  objectId: string | null;
  /** Role names and the like; never content or identifiers. */
  detail?: string | null;
}

/** The kinds of object events are about. */
export type AuditObjectType =
  | 'audit'
  | 'case'
  | 'channel_account'
  | 'consent'
  | 'deletion_receipt'
  | 'escalation'
  | 'legal_hold'
  | 'message'
  | 'retention_policy'
  | 'subject'
  | 'team'
  | 'user';

/** The usual entry in one line: who did what to which object, and rarely a detail. */
export function auditEntry(
  actorId: string | null,
  action: AuditAction,
  objectType: AuditObjectType,
  objectId: string | null,
  detail?: string | null,
): AuditEntry {
  return { actorId, action, objectType, objectId, ...(detail === undefined ? {} : { detail }) };
}

/** A listed event as the api returns it: the row with its time as ISO text. */

/** The keyed audit chain: appends, pages, verification and signed checkpoints. */
@Injectable()
export class AuditService {
  private readonly chainKey: Buffer;
  private readonly checkpointKey: Buffer;
  private readonly repository: AuditRepository;

  constructor(
    private readonly dataSource: DataSource,
    config: AppConfig,
    // Nest injects it; scripts and tests that build the service by hand get one on the same connection.
    repository?: AuditRepository,
  ) {
    this.chainKey = deriveKey(config.dataKey, 'audit-chain');
    this.checkpointKey = deriveKey(config.dataKey, 'audit-checkpoint');
    this.repository = repository ?? new AuditRepository(dataSource);
  }

  /** Appends inside the caller's transaction, so the event exists exactly when the action happened. */
  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    await this.repository.lockChain(manager);
    const prevHash = (await this.repository.head(manager)) ?? GENESIS_HASH;
    const at = new Date();
    const hash = keyedChainHash(this.chainKey, prevHash, { at, ...entry });
    await this.repository.append(manager, at, { ...entry, prevHash, hash }, CURRENT_CHAIN_VERSION);
    await this.repository.setHead(manager, hash);
  }

  /** Appends several events in one round trip (bulk deletions); same chain, same lock as record(). */
  async recordMany(manager: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (!entries.length) return;
    await this.repository.lockChain(manager);
    let prevHash = (await this.repository.head(manager)) ?? GENESIS_HASH;
    const at = new Date();
    const rows: ChainedEvent[] = entries.map((entry) => {
      const hash = keyedChainHash(this.chainKey, prevHash, { at, ...entry });
      const row = { ...entry, prevHash, hash };
      prevHash = hash;
      return row;
    });
    await this.repository.appendMany(manager, at, rows, CURRENT_CHAIN_VERSION);
    await this.repository.setHead(manager, prevHash);
  }

  /**
   * An install whose chain ends on an unkeyed (pre-upgrade) row gets one keyed event now: its HMAC
   * covers the last unkeyed hash, sealing the older part. Idempotent; safe when instances race.
   */
  async sealLegacyChain(): Promise<boolean> {
    return this.dataSource.transaction(async (m) => {
      await this.repository.lockChain(m);
      const version = await this.repository.lastChainVersion(m);
      if (version === null || version === CURRENT_CHAIN_VERSION) return false;
      await this.record(m, auditEntry(null, AuditAction.AuditChainKeyed, 'audit', null));
      return true;
    });
  }

  async recordNow(entry: AuditEntry): Promise<void> {
    await this.dataSource.transaction((m) => this.record(m, entry));
  }

  async list(
    limit: number,
    beforeId?: string,
  ): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
    const rows = await this.repository.page(limit + 1, beforeId);
    const page = rows.slice(0, limit).map((r) => ({ ...r, at: r.at.toISOString() }));
    return { items: page, nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  /** Recomputes the whole chain, streaming it through a cursor in one consistent snapshot. */
  async verify(): Promise<VerifyResult> {
    const verifier = new ChainVerifier(this.chainKey);
    const head = await this.repository.stream((row) => verifier.push(row));
    return verifier.finish(head ?? GENESIS_HASH);
  }

  /** The current count and head, signed, to keep outside the system. */
  async checkpoint(): Promise<AuditCheckpoint> {
    const { events, head } = await this.repository.countAndHead();
    return signCheckpoint(this.checkpointKey, {
      events,
      head: head ?? GENESIS_HASH,
      at: new Date().toISOString(),
    });
  }

  checkpointSignatureValid(checkpoint: AuditCheckpoint): boolean {
    return checkpointSignatureValid(this.checkpointKey, checkpoint);
  }

  /** Verifies the chain and that it still passes through the checkpoint's head at its count. */
  async verifyAgainst(checkpoint: AuditCheckpoint): Promise<CheckpointVerifyResult> {
    const verifier = new ChainVerifier(this.chainKey);
    verifier.watch(checkpoint.events);
    const head = await this.repository.stream((row) => verifier.push(row));
    const result = verifier.finish(head ?? GENESIS_HASH);
    const reached =
      checkpoint.events === 0
        ? GENESIS_HASH
        : result.valid
          ? verifier.hashAfter(checkpoint.events)
          : undefined;
    const matches = reached === checkpoint.head;
    return { ...result, valid: result.valid && matches, checkpoint: matches ? 'matches' : 'mismatch' };
  }
}

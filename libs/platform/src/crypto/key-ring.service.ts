import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

import {
  decrypt,
  deriveKey,
  encrypt,
  generateDataKey,
  keyedHash,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
import { Channel } from '../database/entities/channel-account.entity';
import { subjectLookupKey } from './subject';
import { KeyStore } from './key-store';
import { RowBinding } from './row-binding';
import { randomUUID } from 'node:crypto';

/** Owns the master key: creates, unwraps and caches per-case and per-contact data keys. */
const KEY_CACHE_MS = 60_000;
const KEY_CACHE_SIZE = 10_000;

@Injectable()
export class KeyRing {
  private readonly keyCache = new Map<string, { key: Buffer; until: number }>();
  private readonly shredListeners: ((ids: string[]) => void)[] = [];
  /** Bumped on every eviction, so a load that started before one does not cache what it read. */
  private evictions = 0;
  private readonly lookupKey: Buffer;
  private readonly secretsKey: Buffer;
  private readonly stagingKey: Buffer;
  private readonly subjectRefKey: Buffer;

  constructor(
    private readonly config: AppConfig,
    private readonly store: KeyStore,
  ) {
    this.lookupKey = deriveKey(config.dataKey, 'lookup');
    this.secretsKey = deriveKey(config.dataKey, 'secrets');
    this.stagingKey = deriveKey(config.dataKey, 'staging');
    this.subjectRefKey = deriveKey(config.dataKey, 'subject-ref');
  }

  /** A fresh key, already in the key store (before any row that it protects is written). */
  async createDataKey(): Promise<{ id: string; key: Buffer }> {
    const { id, key, wrapped } = this.newDataKey();
    await this.store.insert([{ id, wrapped }]);
    return { id, key };
  }

  /** Stores keys made with newDataKey(), in one round trip. */
  async storeDataKeys(keys: { id: string; wrapped: Buffer }[]): Promise<void> {
    await this.store.insert(keys.map(({ id, wrapped }) => ({ id, wrapped })));
  }

  /** A fresh key and its wrapped form, for callers that store many at once (storeDataKeys). */
  newDataKey(): { id: string; key: Buffer; wrapped: Buffer } {
    const id = randomUUID();
    const key = generateDataKey();
    this.remember(id, key);
    return { id, key, wrapped: wrapDataKey(this.config.dataKey, key, id) };
  }

  /**
   * Returns null when the key was shredded: the data it protected is gone for good. Unwrapped
   * keys are kept in memory briefly (every message of a busy case needs its key); a shred in any
   * process evicts them everywhere at once (KeyCacheSync publishes it over Redis).
   */
  async loadDataKey(id: string): Promise<Buffer | null> {
    const cached = this.keyCache.get(id);
    if (cached && cached.until > Date.now()) return cached.key;
    const generation = this.evictions;
    const [row] = await this.store.load([id]);
    if (!row) {
      this.keyCache.delete(id);
      return null;
    }
    const key = unwrapDataKey(this.config.dataKey, row.wrapped, id);
    if (generation === this.evictions) this.remember(id, key);
    return key;
  }

  /** Loads many keys in one round trip (a page of cases); shredded ones are simply absent. */
  async loadDataKeys(ids: string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.keyCache.get(id);
      if (cached && cached.until > Date.now()) keys.set(id, cached.key);
      else missing.push(id);
    }
    if (missing.length) {
      const generation = this.evictions;
      for (const row of await this.store.load(missing)) {
        const key = unwrapDataKey(this.config.dataKey, row.wrapped, row.id);
        if (generation === this.evictions) this.remember(row.id, key);
        keys.set(row.id, key);
      }
    }
    return keys;
  }

  /** The shred: deletes keys from the key store and every process's cache; returns those that existed. */
  async shredDataKeys(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    this.evict(ids);
    const removed = await this.store.remove(ids);
    for (const listener of this.shredListeners) listener(ids);
    return removed;
  }

  /** Drops keys from this process's cache (a shred here or, via KeyCacheSync, in another process). */
  evict(ids: string[]): void {
    this.evictions++;
    for (const id of ids) this.keyCache.delete(id);
  }

  /** Told the ids of every shred in this process (KeyCacheSync passes them on to the others). */
  onShred(listener: (ids: string[]) => void): void {
    this.shredListeners.push(listener);
  }

  /** Entries are kept in expiry order (re-adding moves one to the end), so expired ones leave first. */
  private remember(id: string, key: Buffer): void {
    const now = Date.now();
    this.keyCache.delete(id);
    for (const [oldest, entry] of this.keyCache) {
      if (entry.until > now && this.keyCache.size < KEY_CACHE_SIZE) break;
      this.keyCache.delete(oldest);
    }
    this.keyCache.set(id, { key, until: now + KEY_CACHE_MS });
  }

  lookupHash(value: string): Buffer {
    return keyedHash(this.lookupKey, value);
  }

  /**
   * A person's reference in the audit trail: links repeated requests about one person without
   * naming them. Keyed apart from lookupHash, so it cannot be matched against contacts.
   */
  subjectRef(channel: Channel, externalId: string): string {
    return keyedHash(this.subjectRefKey, subjectLookupKey(channel, externalId)).toString('hex');
  }

  /** Channel secrets, each bound to its account and field (aad.channelSecret). */
  sealSecret(value: string, binding: RowBinding): Buffer {
    return encrypt(this.secretsKey, value, binding);
  }

  openSecret(sealed: Buffer, binding: RowBinding): string {
    return decrypt(this.secretsKey, sealed, binding);
  }

  /** Staged webhook payloads, each bound to its event (aad.stagedEvent). */
  sealStaging(value: string, binding: RowBinding): Buffer {
    return encrypt(this.stagingKey, value, binding);
  }

  openStaging(sealed: Buffer, binding: RowBinding): string {
    return decrypt(this.stagingKey, sealed, binding);
  }
}

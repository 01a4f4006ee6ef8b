import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import {
  decrypt,
  deriveKey,
  encrypt,
  generateDataKey,
  keyedHash,
  unwrapDataKey,
  wrapDataKey,
} from './envelope';
import { randomUUID } from 'node:crypto';

/** Owns the master key: creates, unwraps and caches per-case and per-contact data keys. */
const KEY_CACHE_MS = 60_000;
const KEY_CACHE_SIZE = 10_000;

@Injectable()
export class KeyRing {
  private readonly keyCache = new Map<string, { key: Buffer; until: number }>();
  private readonly lookupKey: Buffer;
  private readonly secretsKey: Buffer;
  private readonly stagingKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.lookupKey = deriveKey(config.dataKey, 'lookup');
    this.secretsKey = deriveKey(config.dataKey, 'secrets');
    this.stagingKey = deriveKey(config.dataKey, 'staging');
  }

  async createDataKey(manager: EntityManager): Promise<{ id: string; key: Buffer }> {
    const { id, key, wrapped } = this.newDataKey();
    await manager.query(`INSERT INTO data_keys (id, wrapped) VALUES ($1, $2)`, [id, wrapped]);
    return { id, key };
  }

  /** A fresh key and its wrapped form, for callers that insert it within their own statement. */
  newDataKey(): { id: string; key: Buffer; wrapped: Buffer } {
    const id = randomUUID();
    const key = generateDataKey();
    this.remember(id, key);
    return { id, key, wrapped: wrapDataKey(this.config.dataKey, key, id) };
  }

  /**
   * Returns null when the key was shredded: the data it protected is gone for good. Unwrapped
   * keys are kept in memory briefly (every message of a busy case needs its key); a shredded
   * key can linger here for at most KEY_CACHE_MS, and only in a process that used it.
   */
  async loadDataKey(manager: EntityManager, id: string): Promise<Buffer | null> {
    const cached = this.keyCache.get(id);
    if (cached && cached.until > Date.now()) return cached.key;
    const [row]: { wrapped: Buffer }[] = await manager.query(`SELECT wrapped FROM data_keys WHERE id = $1`, [
      id,
    ]);
    if (!row) {
      this.keyCache.delete(id);
      return null;
    }
    const key = unwrapDataKey(this.config.dataKey, row.wrapped, id);
    this.remember(id, key);
    return key;
  }

  /** Loads many keys in one round trip (a page of cases); shredded ones are simply absent. */
  async loadDataKeys(manager: EntityManager, ids: string[]): Promise<Map<string, Buffer>> {
    const keys = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const id of new Set(ids)) {
      const cached = this.keyCache.get(id);
      if (cached && cached.until > Date.now()) keys.set(id, cached.key);
      else missing.push(id);
    }
    if (missing.length) {
      const rows: { id: string; wrapped: Buffer }[] = await manager.query(
        `SELECT id, wrapped FROM data_keys WHERE id = ANY($1::uuid[])`,
        [missing],
      );
      for (const row of rows) {
        const key = unwrapDataKey(this.config.dataKey, row.wrapped, row.id);
        this.remember(row.id, key);
        keys.set(row.id, key);
      }
    }
    return keys;
  }

  /** Forgets a key at once, for the process that shreds it. */
  forgetDataKey(id: string): void {
    this.keyCache.delete(id);
  }

  private remember(id: string, key: Buffer): void {
    if (this.keyCache.size >= KEY_CACHE_SIZE)
      this.keyCache.delete(this.keyCache.keys().next().value as string);
    this.keyCache.set(id, { key, until: Date.now() + KEY_CACHE_MS });
  }

  lookupHash(value: string): Buffer {
    return keyedHash(this.lookupKey, value);
  }

  sealSecret(value: string): Buffer {
    return encrypt(this.secretsKey, value, 'secret');
  }

  openSecret(sealed: Buffer): string {
    return decrypt(this.secretsKey, sealed, 'secret');
  }

  sealStaging(value: string): Buffer {
    return encrypt(this.stagingKey, value, 'staging');
  }

  openStaging(sealed: Buffer): string {
    return decrypt(this.stagingKey, sealed, 'staging');
  }
}

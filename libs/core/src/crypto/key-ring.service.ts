import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.module';
import { DataKeyEntity } from '../database/entities/data-key.entity';
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
@Injectable()
export class KeyRing {
  private readonly lookupKey: Buffer;
  private readonly secretsKey: Buffer;
  private readonly stagingKey: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.lookupKey = deriveKey(config.dataKey, 'lookup');
    this.secretsKey = deriveKey(config.dataKey, 'secrets');
    this.stagingKey = deriveKey(config.dataKey, 'staging');
  }

  async createDataKey(manager: EntityManager): Promise<{ id: string; key: Buffer }> {
    const id = randomUUID();
    const key = generateDataKey();
    await manager.insert(DataKeyEntity, { id, wrapped: wrapDataKey(this.config.dataKey, key, id) });
    return { id, key };
  }

  /** Returns null when the key was shredded: the data it protected is gone for good. */
  async loadDataKey(manager: EntityManager, id: string): Promise<Buffer | null> {
    const row = await manager.findOne(DataKeyEntity, { where: { id } });
    return row ? unwrapDataKey(this.config.dataKey, row.wrapped, id) : null;
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

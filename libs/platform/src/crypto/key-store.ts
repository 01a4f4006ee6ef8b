import { Injectable, OnApplicationShutdown } from '@nestjs/common';
import { Pool } from 'pg';
import { AppConfig } from '../config/app-config';

export interface StoredKey {
  id: string;
  wrapped: Buffer;
}

/**
 * The wrapped per-case and per-contact data keys, in their own database (KEYS_DATABASE_URL). The
 * main database's backups never hold them, so deleting a key here shreds that data in every backup
 * too. Writes here commit on their own: keys are stored before the rows they protect and deleted
 * before those rows (a crash leaves an unused key, or due rows that can no longer be read and go
 * with the next sweep; never a key outliving its data).
 */
@Injectable()
export class KeyStore implements OnApplicationShutdown {
  private readonly pool: Pool;

  constructor(config: AppConfig) {
    this.pool = new Pool({ connectionString: config.keysDatabaseUrl, max: 10 });
    this.pool.on('error', () => undefined);
  }

  async insert(keys: StoredKey[]): Promise<void> {
    if (!keys.length) return;
    await this.pool.query(
      `INSERT INTO data_keys (id, wrapped) SELECT * FROM unnest($1::uuid[], $2::bytea[])`,
      [keys.map((k) => k.id), keys.map((k) => k.wrapped)],
    );
  }

  async load(ids: string[]): Promise<StoredKey[]> {
    if (!ids.length) return [];
    const { rows } = await this.pool.query<StoredKey>(
      `SELECT id, wrapped FROM data_keys WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return rows;
  }

  /** The shred. Returns the ids that existed. */
  async remove(ids: string[]): Promise<string[]> {
    if (!ids.length) return [];
    const { rows } = await this.pool.query<{ id: string }>(
      `DELETE FROM data_keys WHERE id = ANY($1::uuid[]) RETURNING id`,
      [ids],
    );
    return rows.map((r) => r.id);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}

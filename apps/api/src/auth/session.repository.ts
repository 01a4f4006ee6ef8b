import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SessionStateRow {
  tokenVersion: number;
  active: boolean;
}

/** The per-user facts every authenticated request is checked against. */
@Injectable()
export class SessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async state(userId: string): Promise<SessionStateRow | null> {
    const [row]: SessionStateRow[] = await this.dataSource.query(
      `SELECT token_version AS "tokenVersion", active FROM users WHERE id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** Revokes every token issued so far; runs in the caller's transaction when given one. */
  async bumpVersion(userId: string, manager: EntityManager = this.dataSource.manager): Promise<void> {
    await manager.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1`, [userId]);
  }
}

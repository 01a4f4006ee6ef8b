import { Injectable } from '@nestjs/common';
import { queryReturning, Role } from '@webcare/core';
import { DataSource, EntityManager } from 'typeorm';

export interface UserRow {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  active: boolean;
}

const COLUMNS = `id, email, name, role, team_id AS "teamId", active`;

/** Staff accounts as administrators see them: never a password hash. */
@Injectable()
export class UsersRepository {
  constructor(private readonly dataSource: DataSource) {}

  list(): Promise<UserRow[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM users ORDER BY email`);
  }

  async lockOne(manager: EntityManager, id: string): Promise<UserRow | null> {
    const [row]: UserRow[] = await manager.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [
      id,
    ]);
    return row ?? null;
  }

  /** Admins other than this user who can still log in: the last one may not be removed. */
  async otherActiveAdmins(manager: EntityManager, id: string): Promise<number> {
    const [row]: { n: number }[] = await manager.query(
      `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1`,
      [id],
    );
    return row.n;
  }

  async teamExists(manager: EntityManager, teamId: string): Promise<boolean> {
    return (await manager.query(`SELECT 1 FROM teams WHERE id = $1`, [teamId])).length === 1;
  }

  /** Writes the new values; `revoke` also bumps the token version so issued tokens stop working. */
  async update(manager: EntityManager, next: UserRow, revoke: boolean): Promise<UserRow> {
    const [row] = await queryReturning<UserRow>(
      manager,
      `UPDATE users SET name = $2, role = $3, team_id = $4, active = $5,
              token_version = token_version + $6::int
        WHERE id = $1 RETURNING ${COLUMNS}`,
      [next.id, next.name, next.role, next.teamId, next.active, revoke ? 1 : 0],
    );
    return row;
  }
}

import { Injectable } from '@nestjs/common';
import { queryReturning, Role } from '@webcare/platform';
import { DataSource, EntityManager } from 'typeorm';
import { UserView } from './dto/user.response.dto';

/** A staff account as the api answers it. */
export type UserRow = UserView;

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  passwordHash: string;
}

export interface AvailabilityRow {
  available: boolean;
  capacity: number;
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

  /** Null when an account with this email exists already. */
  async insertIfNew(manager: EntityManager, u: NewUser): Promise<UserRow | null> {
    const rows: UserRow[] = await manager.query(
      `INSERT INTO users (email, name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING
       RETURNING ${COLUMNS}`,
      [u.email, u.name, u.role, u.teamId, u.passwordHash],
    );
    return rows[0] ?? null;
  }

  /** A null capacity keeps the current one. */
  async setAvailability(id: string, available: boolean, capacity: number | null): Promise<AvailabilityRow> {
    const [row] = await queryReturning<AvailabilityRow>(
      this.dataSource.manager,
      `UPDATE users SET available = $2, capacity = COALESCE($3, capacity) WHERE id = $1 RETURNING available, capacity`,
      [id, available, capacity],
    );
    return row;
  }

  /** Creates the admin only while the database has no users at all; true when it did. */
  async insertFirstAdmin(email: string, passwordHash: string): Promise<boolean> {
    const created: { id: string }[] = await this.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT $1, 'Administrator', 'admin', $2 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [email, passwordHash],
    );
    return created.length > 0;
  }
}

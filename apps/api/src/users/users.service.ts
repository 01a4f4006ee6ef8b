import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  APP_CONFIG,
  ConflictError,
  queryReturning,
  TeamEntity,
  ValidationError,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { hashPassword } from '../auth/password';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';

export interface UserView {
  id: string;
  email: string;
  name: string;
  role: string;
  teamId: string | null;
}

const TEAM_ROLES = new Set(['agent', 'team_lead']);

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(_actor: AuthUser, dto: CreateUserDto): Promise<UserView> {
    if (TEAM_ROLES.has(dto.role) && !dto.teamId) throw new ValidationError(`A ${dto.role} needs a teamId`);
    if (dto.teamId && !(await this.dataSource.getRepository(TeamEntity).existsBy({ id: dto.teamId }))) {
      throw new ValidationError('teamId does not name an existing team');
    }
    const email = dto.email.trim().toLowerCase();
    const rows: UserView[] = await this.dataSource.query(
      `INSERT INTO users (email, name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING
       RETURNING id, email, name, role, team_id AS "teamId"`,
      [email, dto.name.trim(), dto.role, dto.teamId ?? null, await hashPassword(dto.password)],
    );
    if (!rows.length) throw new ConflictError('A user with this email already exists');
    return rows[0];
  }

  async list(_actor: AuthUser): Promise<{ items: UserView[] }> {
    const items: UserView[] = await this.dataSource.query(
      `SELECT id, email, name, role, team_id AS "teamId" FROM users ORDER BY email`,
    );
    return { items };
  }

  /** Agents switch themselves in and out of automatic assignment. */
  async setAvailability(
    user: AuthUser,
    dto: AvailabilityDto,
  ): Promise<{ available: boolean; capacity: number }> {
    const [row] = await queryReturning<{ available: boolean; capacity: number }>(
      this.dataSource.manager,
      `UPDATE users SET available = $2, capacity = COALESCE($3, capacity) WHERE id = $1 RETURNING available, capacity`,
      [user.id, dto.available, dto.capacity ?? null],
    );
    return row;
  }

  /** Creates BOOTSTRAP_ADMIN_EMAIL as admin when the database has no users at all. */
  async bootstrapAdmin(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const hash = await hashPassword(admin.password);
    const created = await this.dataSource.query(
      `INSERT INTO users (email, name, role, password_hash)
       SELECT $1, 'Administrator', 'admin', $2 WHERE NOT EXISTS (SELECT 1 FROM users)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [admin.email, hash],
    );
    if (created.length) this.logger.log({ role: 'admin' }, 'bootstrap admin created');
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  AppConfig,
  APP_CONFIG,
  AuditAction,
  AuditService,
  ConflictError,
  NotFoundError,
  queryReturning,
  ValidationError,
} from '@webcare/core';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { hashPassword } from '../auth/password';
import { SessionStateService } from '../auth/session-state.service';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { planUserChange, TEAM_ROLES } from './user-changes';
import { UserRow, UsersRepository } from './users.repository';

export type UserView = UserRow;

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionStateService,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserView> {
    if (TEAM_ROLES.has(dto.role) && !dto.teamId) throw new ValidationError(`A ${dto.role} needs a teamId`);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (m) => {
      if (dto.teamId && !(await this.users.teamExists(m, dto.teamId))) {
        throw new ValidationError('teamId does not name an existing team');
      }
      const rows: UserView[] = await m.query(
        `INSERT INTO users (email, name, role, team_id, password_hash) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (email) DO NOTHING
         RETURNING id, email, name, role, team_id AS "teamId", active`,
        [dto.email.trim().toLowerCase(), dto.name.trim(), dto.role, dto.teamId ?? null, passwordHash],
      );
      if (!rows.length) throw new ConflictError('A user with this email already exists');
      await this.audit.record(m, {
        actorId: actor.id,
        action: AuditAction.UserCreated,
        objectType: 'user',
        objectId: rows[0].id,
        detail: `role:${dto.role}`,
      });
      return rows[0];
    });
  }

  async list(_actor: AuthUser): Promise<{ items: UserView[] }> {
    return { items: await this.users.list() };
  }

  /**
   * Renames, moves, promotes or deactivates a user. A role, team or active change revokes the
   * tokens already issued (every API instance, within a second) and closes the user's sockets.
   */
  async update(actor: AuthUser, id: string, dto: UpdateUserDto): Promise<UserView> {
    const { next, revoke } = await this.dataSource.transaction(async (m) => {
      const current = await this.users.lockOne(m, id);
      if (!current) throw new NotFoundError('The user');
      const plan = planUserChange(current, dto);
      if (TEAM_ROLES.has(plan.next.role) && !plan.next.teamId) {
        throw new ValidationError(`A ${plan.next.role} needs a teamId`);
      }
      if (dto.teamId && dto.teamId !== current.teamId && !(await this.users.teamExists(m, dto.teamId))) {
        throw new ValidationError('teamId does not name an existing team');
      }
      const losesAdmin =
        current.role === 'admin' && current.active && (plan.next.role !== 'admin' || !plan.next.active);
      if (losesAdmin && (await this.users.otherActiveAdmins(m, id)) === 0) {
        throw new ConflictError('This is the last active admin: make someone else admin first');
      }
      if (!plan.audit.length) return { next: current, revoke: false };
      const saved = await this.users.update(m, plan.next, plan.revoke);
      for (const { action, detail } of plan.audit) {
        await this.audit.record(m, { actorId: actor.id, action, objectType: 'user', objectId: id, detail });
      }
      return { next: saved, revoke: plan.revoke };
    });
    if (revoke) await this.sessions.revoked(id);
    return next;
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

import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@webcare/platform';
import { AuditAction, auditEntry, AuditService } from '@webcare/domain';
import { DataSource } from 'typeorm';
import { AuthUser } from '../auth/auth.types';
import { hashPassword } from '../auth/password';
import { SessionStateService } from '../auth/session-state.service';
import { AvailabilityDto } from './dto/availability.dto';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { planUserChange, TEAM_ROLES } from './user-changes';
import { UserErrorCode, userError } from './users.errors';
import { UsersRepository } from './users.repository';
import { UserView } from './dto/user.response.dto';

@Injectable()
export class UsersService {
  private readonly logger = new Logger(UsersService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly sessions: SessionStateService,
  ) {}

  async create(actor: AuthUser, dto: CreateUserDto): Promise<UserView> {
    if (TEAM_ROLES.has(dto.role) && !dto.teamId)
      throw userError(UserErrorCode.Invalid, `A ${dto.role} needs a teamId`);
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (m) => {
      if (dto.teamId && !(await this.users.teamExists(m, dto.teamId))) {
        throw userError(UserErrorCode.Invalid, 'teamId does not name an existing team');
      }
      const user = await this.users.insertIfNew(m, {
        email: dto.email.trim().toLowerCase(),
        name: dto.name.trim(),
        role: dto.role,
        teamId: dto.teamId ?? null,
        passwordHash,
      });
      if (!user) throw userError(UserErrorCode.Conflict, 'A user with this email already exists');
      await this.audit.record(
        m,
        auditEntry(actor.id, AuditAction.UserCreated, 'user', user.id, `role:${dto.role}`),
      );
      return user;
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
      if (!current) throw userError(UserErrorCode.NotFound, 'The user was not found');
      const plan = planUserChange(current, dto);
      if (TEAM_ROLES.has(plan.next.role) && !plan.next.teamId) {
        throw userError(UserErrorCode.Invalid, `A ${plan.next.role} needs a teamId`);
      }
      if (dto.teamId && dto.teamId !== current.teamId && !(await this.users.teamExists(m, dto.teamId))) {
        throw userError(UserErrorCode.Invalid, 'teamId does not name an existing team');
      }
      const losesAdmin =
        current.role === 'admin' && current.active && (plan.next.role !== 'admin' || !plan.next.active);
      if (losesAdmin && (await this.users.otherActiveAdmins(m, id)) === 0) {
        throw userError(
          UserErrorCode.Conflict,
          'This is the last active admin: make someone else admin first',
        );
      }
      if (!plan.audit.length) return { next: current, revoke: false };
      const saved = await this.users.update(m, plan.next, plan.revoke);
      for (const { action, detail } of plan.audit) {
        await this.audit.record(m, auditEntry(actor.id, action, 'user', id, detail));
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
    return this.users.setAvailability(user.id, dto.available, dto.capacity ?? null);
  }

  /** Creates BOOTSTRAP_ADMIN_EMAIL as admin when the database has no users at all. */
  async bootstrapAdmin(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin) return;
    const hash = await hashPassword(admin.password);
    if (await this.users.insertFirstAdmin(admin.email, hash))
      this.logger.log({ role: 'admin' }, 'bootstrap admin created');
  }
}

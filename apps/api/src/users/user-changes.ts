import { Role } from '@webcare/platform';
import { AuditAction } from '@webcare/domain';
import { UserRow } from './users.repository';

export interface UserPatch {
  name?: string;
  role?: Role;
  teamId?: string | null;
  active?: boolean;
}

export interface UserChange {
  next: UserRow;
  /** Role, team or active changed: tokens already issued must stop working. */
  revoke: boolean;
  /** What the audit trail records: action and a detail with ids and role names only. */
  audit: { action: AuditAction; detail: string | null }[];
}

/** Roles that work a team's queue and so need a team. */
export const TEAM_ROLES: ReadonlySet<Role> = new Set(['agent', 'team_lead']);

/** Applies a patch to a user and says what it means for sessions and the audit trail. */
export function planUserChange(current: UserRow, patch: UserPatch): UserChange {
  const next: UserRow = {
    ...current,
    name: patch.name !== undefined ? patch.name.trim() : current.name,
    role: patch.role ?? current.role,
    teamId: patch.teamId !== undefined ? patch.teamId : current.teamId,
    active: patch.active ?? current.active,
  };
  const changed: string[] = [];
  if (next.name !== current.name) changed.push('name');
  if (next.role !== current.role) changed.push(`role:${current.role}->${next.role}`);
  if (next.teamId !== current.teamId) changed.push(`team:${current.teamId ?? '-'}->${next.teamId ?? '-'}`);
  const audit: UserChange['audit'] = [];
  if (changed.length) audit.push({ action: AuditAction.UserChanged, detail: changed.join(';') });
  if (next.active !== current.active) {
    audit.push({
      action: next.active ? AuditAction.UserReactivated : AuditAction.UserDeactivated,
      detail: `role:${next.role}`,
    });
  }
  const revoke =
    next.role !== current.role || next.teamId !== current.teamId || next.active !== current.active;
  return { next, revoke, audit };
}

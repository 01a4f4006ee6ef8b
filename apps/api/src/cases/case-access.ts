import { CaseEntity } from '@webcare/core';
import { AuthUser } from '../auth/auth.types';

export type CaseView = 'original' | 'pseudonymized';

/**
 * Need-to-know: agents of the owning team read the original; the team lead of that team works
 * from the pseudonymized copy; everyone else cannot see the case at all (null → 404).
 */
export function caseViewFor(user: AuthUser, kase: Pick<CaseEntity, 'teamId'>): CaseView | null {
  if (!user.teamId || user.teamId !== kase.teamId) return null;
  if (user.role === 'agent') return 'original';
  if (user.role === 'team_lead') return 'pseudonymized';
  return null;
}

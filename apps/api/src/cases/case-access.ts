import { AuthUser } from '../auth/auth.types';

export type CaseView = 'original' | 'pseudonymized';

export interface CaseAccessFacts {
  teamId: string;
  /** The case was escalated to the user's team. */
  escalatedToUserTeam: boolean;
  /** The person consented to the user's team seeing the original. */
  consentForUserTeam: boolean;
}

/**
 * Need-to-know: agents of the owning team read the original; its team lead works from the
 * pseudonymized copy; a team the case was escalated to sees it pseudonymized unless the person
 * consented to that team seeing more. Everyone else cannot see the case at all (null → 404).
 */
export function caseViewFor(user: AuthUser, facts: CaseAccessFacts): CaseView | null {
  if (!user.teamId || (user.role !== 'agent' && user.role !== 'team_lead')) return null;
  if (user.teamId === facts.teamId) return user.role === 'agent' ? 'original' : 'pseudonymized';
  if (!facts.escalatedToUserTeam) return null;
  return facts.consentForUserTeam ? 'original' : 'pseudonymized';
}

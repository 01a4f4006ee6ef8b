import { CaseView } from '../cases/case-access';

/**
 * Who may ask consent for which team: the owning team's agents (who see the original) on behalf
 * of any other team; a team the case was escalated to for itself only. Returns the refusal, if any.
 */
export function consentRequestRefusal(q: {
  userTeamId: string | null;
  caseTeamId: string;
  view: CaseView;
  forTeamId: string;
}): 'for_own_team_only' | 'owning_team_needs_none' | null {
  const owning = q.caseTeamId === q.userTeamId && q.view === 'original';
  if (!owning && q.forTeamId !== q.userTeamId) return 'for_own_team_only';
  if (q.forTeamId === q.caseTeamId) return 'owning_team_needs_none';
  return null;
}

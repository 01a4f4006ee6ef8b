export interface AssignableAgent {
  id: string;
  teamId: string;
  capacity: number;
  /** Open cases assigned to the agent right now. */
  open: number;
}

/**
 * Round-robin by load for a run of new cases, in order: each goes to the agent of its team with the
 * fewest open cases below their capacity (ties by id, so equal agents take turns), and counts
 * towards that agent's load for the cases after it. No one free leaves the case in the team queue.
 */
export function assignNewCases(teamIds: string[], agents: AssignableAgent[]): (string | null)[] {
  const load = new Map(agents.map((a) => [a.id, a.open]));
  return teamIds.map((teamId) => {
    let best: AssignableAgent | null = null;
    for (const a of agents) {
      if (a.teamId !== teamId || load.get(a.id)! >= a.capacity) continue;
      const n = load.get(a.id)!;
      if (!best || n < load.get(best.id)! || (n === load.get(best.id)! && a.id < best.id)) best = a;
    }
    if (!best) return null;
    load.set(best.id, load.get(best.id)! + 1);
    return best.id;
  });
}

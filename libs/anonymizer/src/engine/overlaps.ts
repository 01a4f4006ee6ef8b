import type { DetectedEntity } from '../types';
import type { Candidate } from '../detectors/candidate';

/**
 * Keeps the best candidate where spans overlap: higher priority first (checksums beat guesses),
 * then the longer span. Returns entities sorted by start.
 */
export function resolveOverlaps(candidates: Candidate[]): DetectedEntity[] {
  const ordered = [...candidates].sort(
    (a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Candidate[] = [];
  for (const c of ordered) {
    if (c.end <= c.start) continue;
    if (kept.some((k) => k.start < c.end && c.start < k.end)) continue;
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ type, start, end }) => ({ type, start, end }));
}

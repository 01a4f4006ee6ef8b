import type { DetectedEntity } from '../types';
import type { Candidate } from '../detectors/candidate';

/**
 * Keeps the best candidate where spans overlap: higher priority first (checksums beat guesses),
 * then the longer span. `settled` entities (already disjoint) win over every candidate. Returns
 * entities sorted by start.
 *
 * Linear in the text plus the candidates' total length: kept spans are marked in a coverage map,
 * so an overlap test reads the candidate's own characters instead of every kept span. Each
 * detector's matches are disjoint, so the candidates' total length is a small multiple of the text.
 */
export function resolveOverlaps(
  candidates: Candidate[],
  textLength: number,
  settled: readonly DetectedEntity[] = [],
): DetectedEntity[] {
  const covered = new Uint8Array(textLength);
  const kept: DetectedEntity[] = [...settled];
  for (const s of settled) covered.fill(1, s.start, s.end);
  const ordered = candidates
    .filter((c) => c.end > c.start)
    .sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  for (const c of ordered) {
    if (overlapsCovered(covered, c)) continue;
    covered.fill(1, c.start, c.end);
    kept.push({ type: c.type, start: c.start, end: c.end });
  }
  return kept.sort((a, b) => a.start - b.start);
}

function overlapsCovered(covered: Uint8Array, c: Candidate): boolean {
  for (let i = c.start; i < c.end; i++) if (covered[i]) return true;
  return false;
}

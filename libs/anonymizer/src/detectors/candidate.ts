import type { AnonymizeOptions, EntityType } from '../types';

/** A possible entity; `priority` decides overlaps (checksum-validated patterns win over guesses). */
export interface Candidate {
  type: EntityType;
  start: number;
  end: number;
  priority: number;
}

export interface DetectorContext {
  text: string;
  options: AnonymizeOptions;
}

export type Detector = (ctx: DetectorContext) => Candidate[];

/** Overlap priorities, highest first. */
export const PRIORITY = {
  checksum: 100,
  structured: 80,
  cued: 60,
  pattern: 40,
  person: 30,
  fallback: 10,
} as const;

/** Text immediately before `index`, lower-cased, for cue-word checks. */
export function before(text: string, index: number, length = 40): string {
  return text.slice(Math.max(0, index - length), index).toLowerCase();
}

/** The candidate that a whole pattern match makes. */
export function matched(type: EntityType, m: RegExpExecArray, priority: number): Candidate {
  return { type, start: m.index, end: m.index + m[0].length, priority };
}

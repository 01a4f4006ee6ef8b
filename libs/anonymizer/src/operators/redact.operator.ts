import type { DetectedEntity } from '../types';

/** Replaces each entity with its type only: `[PERSON]`. */
export function redactOperator(_text: string, e: DetectedEntity): string {
  return `[${e.type}]`;
}

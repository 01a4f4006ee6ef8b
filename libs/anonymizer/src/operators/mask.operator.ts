import type { DetectedEntity } from '../types';

/** Keeps the first character and masks every other letter or digit: "Sanne" → "S****". */
export function maskOperator(text: string, e: DetectedEntity): string {
  const value = text.slice(e.start, e.end);
  const chars = Array.from(value);
  return chars.map((c, i) => (i > 0 && /[\p{L}\p{N}]/u.test(c) ? '*' : c)).join('');
}

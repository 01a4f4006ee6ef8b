import { fold } from '../text/fold';

/**
 * The leave-names-out split: every name source is cut in two halves by a hash of the folded
 * name, so the same name lands in the same half whichever list it comes from. The evaluation
 * builds the gazetteer and trains the name model on half 0 only and writes its test messages
 * with names from half 1; production uses both halves.
 */
export type NameHalf = 0 | 1;

/** FNV-1a over the folded name: stable across runs and platforms. */
export function nameHalf(name: string): NameHalf {
  const key = fold(name);
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return ((h >>> 0) % 2) as NameHalf;
}

let heldOut: NameHalf | null = null;
const listeners: Array<() => void> = [];

/**
 * Leaves one half of the names out of every gazetteer built from now on (null: use all names).
 * For the evaluation only; caches that hold list look-ups are dropped.
 */
export function holdOutNames(half: NameHalf | null): void {
  if (heldOut === half) return;
  heldOut = half;
  for (const l of listeners) l();
}

/** Whether a name may go into a gazetteer under the current split. */
export function nameAllowed(name: string): boolean {
  return heldOut === null || nameHalf(name) !== heldOut;
}

/** Registers a cache that must be dropped when the split changes. */
export function onHoldoutChange(listener: () => void): void {
  listeners.push(listener);
}

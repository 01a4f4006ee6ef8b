import type { DetectedEntity } from '../types';
import type { TokenVault } from './token-vault';

/** Replaces each entity with its vault token: `[PERSON_1]`, `[PHONE_2]` … */
export function pseudonymizeOperator(vault: TokenVault) {
  return (text: string, e: DetectedEntity): string => vault.tokenFor(e.type, text.slice(e.start, e.end));
}

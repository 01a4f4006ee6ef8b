import type { AnonymizeOptions, AnonymizeResult, DetectedEntity } from '../types';
import { maskOperator } from '../operators/mask.operator';
import { pseudonymizeOperator } from '../operators/pseudonymize.operator';
import { redactOperator } from '../operators/redact.operator';
import { TokenVault } from '../operators/token-vault';
import { detect } from './detect';

type Replace = (text: string, e: DetectedEntity) => string;

/** Detects entities and replaces them with the chosen operator; offsets refer to the input. */
export function anonymize(text: string, options: AnonymizeOptions = {}, vault?: TokenVault): AnonymizeResult {
  const { entities, special } = detect(text, options);
  const operator = options.operator ?? 'pseudonymize';
  const activeVault = operator === 'pseudonymize' ? (vault ?? new TokenVault()) : undefined;
  const before = activeVault ? activeVault.entries().length : 0;
  const replace: Replace = activeVault ? pseudonymizeOperator(activeVault) : operator === 'mask' ? maskOperator : redactOperator;

  let out = '';
  let cursor = 0;
  for (const e of entities) {
    out += text.slice(cursor, e.start) + replace(text, e);
    cursor = e.end;
  }
  out += text.slice(cursor);
  return { text: out, entities, special, newEntries: activeVault ? activeVault.entries().slice(before) : [] };
}

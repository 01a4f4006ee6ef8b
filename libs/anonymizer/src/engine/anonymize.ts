import { WITHHELD_TEXT, type AnonymizeOptions, type AnonymizeResult, type DetectedEntity } from '../types';
import { maskOperator } from '../operators/mask.operator';
import { pseudonymizeOperator } from '../operators/pseudonymize.operator';
import { redactOperator } from '../operators/redact.operator';
import { TokenVault } from '../operators/token-vault';
import { PARTICLE_WORDS } from '../gazetteers/names.gazetteer';
import { detectInConversation } from './detect';

type Replace = (text: string, e: DetectedEntity) => string;

/** Detects entities and replaces them with the chosen operator; offsets refer to the input. */
export function anonymize(text: string, options: AnonymizeOptions = {}, vault?: TokenVault): AnonymizeResult {
  const operator = options.operator ?? 'pseudonymize';
  const { entities, special, complete } = detectInConversation(
    text,
    options,
    vault ? knownNameWords(vault) : undefined,
  );
  const activeVault = operator === 'pseudonymize' ? (vault ?? new TokenVault()) : undefined;
  const before = activeVault ? activeVault.entries().length : 0;
  const replace: Replace = activeVault
    ? pseudonymizeOperator(activeVault)
    : operator === 'mask'
      ? maskOperator
      : redactOperator;

  let out = '';
  let cursor = 0;
  for (const e of entities) {
    out += text.slice(cursor, e.start) + replace(text, e);
    cursor = e.end;
  }
  out += text.slice(cursor);
  return {
    text: complete ? out : WITHHELD_TEXT,
    entities,
    special,
    newEntries: activeVault ? activeVault.entries().slice(before) : [],
    withheld: !complete,
  };
}

/** Name words the conversation already mentioned ("Sanne" earlier makes "SANNE" a name now). */
function knownNameWords(vault: TokenVault): Set<string> {
  const words = new Set<string>();
  for (const e of vault.entries()) {
    if (e.type !== 'PERSON') continue;
    for (const w of e.key.split(' ')) if (w.length > 2 && !PARTICLE_WORDS.has(w)) words.add(w);
  }
  return words;
}

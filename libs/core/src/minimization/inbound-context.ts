import { detect, type Language } from '@webcare/anonymizer';
import { NEEDED_WHEN, PROVIDED_AS, type WarnedKind } from './identifier-kinds';

export interface InboundContext {
  /** Identifier kinds the person already wrote in the conversation (found by the anonymizer). */
  provided: Set<WarnedKind>;
  /** Identifier kinds the question plausibly needs (see NEEDED_WHEN). */
  needed: Set<WarnedKind>;
}

export function readInboundContext(inboundTexts: string[], lang: Language): InboundContext {
  const entityTypes = new Set(
    inboundTexts.flatMap((text) => detect(text, { lang }).entities.map((e) => e.type)),
  );
  const provided = new Set<WarnedKind>();
  const needed = new Set<WarnedKind>();
  for (const kind of Object.keys(PROVIDED_AS) as WarnedKind[]) {
    if (PROVIDED_AS[kind].some((type) => entityTypes.has(type))) provided.add(kind);
    if (inboundTexts.some((text) => NEEDED_WHEN[kind]?.test(text))) needed.add(kind);
  }
  return { provided, needed };
}

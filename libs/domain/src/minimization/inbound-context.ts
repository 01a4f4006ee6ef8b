import { NEEDED_WHEN, PROVIDED_AS, type WarnedKind } from './identifier-kinds';

/** What the draft check needs to know of one inbound message. */
export interface InboundMessageFacts {
  text: string;
  /**
   * Entity types the anonymizer found when the message was filed. Stored with the message, so a
   * draft check never runs detection again over the conversation.
   */
  entityTypes: readonly string[];
}

export interface InboundContext {
  /** Identifier kinds the person already wrote in the conversation (found by the anonymizer). */
  provided: Set<WarnedKind>;
  /** Identifier kinds the question plausibly needs (see NEEDED_WHEN). */
  needed: Set<WarnedKind>;
}

export function readInboundContext(inbound: InboundMessageFacts[]): InboundContext {
  const entityTypes = new Set(inbound.flatMap((m) => m.entityTypes));
  const provided = new Set<WarnedKind>();
  const needed = new Set<WarnedKind>();
  for (const kind of Object.keys(PROVIDED_AS) as WarnedKind[]) {
    if (PROVIDED_AS[kind].some((type) => entityTypes.has(type))) provided.add(kind);
    if (inbound.some((m) => NEEDED_WHEN[kind]?.test(m.text))) needed.add(kind);
  }
  return { provided, needed };
}

import { detectReplyLanguage, type ReplyLanguage } from '../notice/detect-language';
import { findAsks } from './ask-detector';
import { CODE, isBlocked, type WarnedKind } from './identifier-kinds';
import { readInboundContext, type InboundContext, type InboundMessageFacts } from './inbound-context';
import {
  alreadyProvidedMessage,
  notNeededMessage,
  refusalMessage,
  trackingRemovedMessage,
  type SocialChannel,
} from './messages';
import { stripTrackingParameters } from './tracking-parameters';

export type { SocialChannel } from './messages';

export interface ReplyDraftInput {
  draft: string;
  /** The person's messages in this conversation, to judge what the question needs. */
  inbound: InboundMessageFacts[];
  channel: SocialChannel;
  /** Language of the messages; when absent it is guessed from the draft. */
  lang?: 'nl' | 'en' | null;
}

export interface GuardFinding {
  code: string;
  message: string;
}

export interface ReplyDraftCheck {
  /** The draft with tracking parameters removed from its links; send this, not the original. */
  text: string;
  warnings: GuardFinding[];
  /** Set when the draft must not be sent as is. */
  refusal: GuardFinding | null;
}

export const TRACKING_PARAMETERS_REMOVED = 'TRACKING_PARAMETERS_REMOVED';

/**
 * Data-minimisation check on a reply before it is sent:
 * - asking for a BSN, an ID document or a bank/card number over a social channel is refused
 *   (the first such ask is the refusal; further blocked asks are listed as warnings too, so the
 *   agent can fix them in one go);
 * - asking for another identifier is a warning when the person already gave it ("already
 *   provided"), or when nothing in the inbound question needs it (e.g. a student number is fine
 *   for a login or enrolment problem);
 * - tracking parameters are stripped from every link (warning TRACKING_PARAMETERS_REMOVED).
 */
export function checkReplyDraft(input: ReplyDraftInput): ReplyDraftCheck {
  const lang: ReplyLanguage = input.lang ?? detectReplyLanguage(input.draft);
  const stripped = stripTrackingParameters(input.draft);
  const warnings: GuardFinding[] = [];
  let refusal: GuardFinding | null = null;

  // Reading the inbound context is only worth it when there is something to judge.
  let context: InboundContext | undefined;
  const inbound = () => (context ??= readInboundContext(input.inbound));
  for (const kind of findAsks(input.draft)) {
    if (isBlocked(kind)) {
      const finding = { code: CODE[kind], message: refusalMessage(kind, input.channel, lang) };
      if (refusal) warnings.push(finding);
      else refusal = finding;
      continue;
    }
    const message = warningFor(kind, inbound(), lang);
    if (message) warnings.push({ code: CODE[kind], message });
  }

  if (stripped.removed.length > 0) {
    warnings.push({
      code: TRACKING_PARAMETERS_REMOVED,
      message: trackingRemovedMessage(stripped.removed, lang),
    });
  }
  return { text: stripped.text, warnings, refusal };
}

function warningFor(kind: WarnedKind, context: InboundContext, lang: ReplyLanguage): string | null {
  if (context.provided.has(kind)) return alreadyProvidedMessage(kind, lang);
  if (context.needed.has(kind)) return null;
  return notNeededMessage(kind, lang);
}

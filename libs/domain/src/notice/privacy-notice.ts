import type { ReplyLanguage } from './detect-language';
import { humanizeDuration } from './humanize-duration';

/** Recorded on the conversation with the period, so we can prove which wording the person saw. */
export const NOTICE_VERSION = 'v1';

export interface PrivacyNoticeInput {
  lang: ReplyLanguage;
  /** ISO-8601 duration, e.g. P30D, P6M, P1M15D. */
  period: string;
  privacyUrl: string;
}

/** The short transparency notice carried by the first reply in a conversation. */
export function renderPrivacyNotice({ lang, period, privacyUrl }: PrivacyNoticeInput): string {
  assertWebUrl(privacyUrl);
  const duration = humanizeDuration(period, lang);
  return lang === 'nl'
    ? `Privacy: we bewaren dit gesprek tot ${duration} na ons antwoord en verwijderen het daarna. Meer info: ${privacyUrl}`
    : `Privacy: we keep this conversation for ${duration} after our answer and then delete it. More: ${privacyUrl}`;
}

export function appendNotice(replyText: string, notice: string): string {
  const reply = replyText.trimEnd();
  return reply ? `${reply}\n\n${notice}` : notice;
}

// A broken link would make the notice useless, so misconfiguration fails loudly here.
function assertWebUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RangeError(`Privacy statement URL is not a valid URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new RangeError(`Privacy statement URL must be http(s): ${value}`);
  }
}

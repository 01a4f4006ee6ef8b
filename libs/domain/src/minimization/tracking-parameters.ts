import { trimTrailingPunctuation, URL_CANDIDATE } from './url-candidates';

/** Click identifiers and campaign tags from ad, mail and social platforms; compared case-insensitively. */
const TRACKING_KEYS = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'gbraid',
  'wbraid',
  'dclid',
  'msclkid',
  'mc_cid',
  'mc_eid',
  'igshid',
  'igsh',
  'mibextid',
  '_hsenc',
  '_hsmi',
  '__hstc',
  '__hssc',
  '__hsfp',
  'hsctatracking',
  'yclid',
  'twclid',
  'ttclid',
  'li_fat_id',
  'trk',
  'trkcampaign',
  'trackingid',
  'ref_src',
  'ref_url',
  'mkt_tok',
  'oly_anon_id',
  'oly_enc_id',
  '_openstat',
  'vero_id',
  's_cid',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_'];

export function isTrackingParameter(key: string): boolean {
  const k = key.toLowerCase();
  return TRACKING_KEYS.has(k) || TRACKING_PREFIXES.some((prefix) => k.startsWith(prefix));
}

export interface StrippedText {
  text: string;
  /** Names of the removed parameters, deduplicated, in order of appearance. */
  removed: string[];
}

/** Removes tracking parameters from every link in the text; everything else stays as written. */
export function stripTrackingParameters(text: string): StrippedText {
  const removed: string[] = [];
  const result = text.replace(URL_CANDIDATE, (candidate) => {
    const link = trimTrailingPunctuation(candidate);
    return stripLink(link, removed) + candidate.slice(link.length);
  });
  return { text: result, removed };
}

/**
 * The URL class decides whether the link has a query and what each key is (percent-decoded); the
 * kept parts are copied from the original text, so the link is not re-encoded or given a scheme.
 */
function stripLink(link: string, removed: string[]): string {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//i.test(link) ? link : `https://${link}`);
  } catch {
    return link;
  }
  if (!url.search) return link;
  const queryStart = link.indexOf('?');
  const hash = link.indexOf('#', queryStart);
  const queryEnd = hash < 0 ? link.length : hash;
  const parts = link
    .slice(queryStart + 1, queryEnd)
    .split('&')
    .map((raw) => ({ raw, key: new URLSearchParams(raw).keys().next().value }));
  const tracking = parts.filter(({ key }) => key !== undefined && isTrackingParameter(key));
  if (tracking.length === 0) return link;
  for (const { key } of tracking) if (key !== undefined && !removed.includes(key)) removed.push(key);
  const kept = parts.filter((part) => part.raw && !tracking.includes(part)).map((part) => part.raw);
  return link.slice(0, queryStart) + (kept.length ? `?${kept.join('&')}` : '') + link.slice(queryEnd);
}

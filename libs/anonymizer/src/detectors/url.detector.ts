import { nameGazetteer } from '../gazetteers/names.gazetteer';
import { isCommonWord, lexicon } from '../gazetteers/lexicon.gazetteer';
import { nameModel } from '../name-model/name-model';
import { isInstitutionUrl } from '../institution/institution';
import { before, PRIORITY, type Candidate, type DetectorContext } from './candidate';

const URL_RE = /(?<![\p{L}\p{N}@._-])(?:https?:\/\/)?(?:[a-z0-9-]+\.)+([a-z]{2,12})(?:\/[^\s<>"'()\]]*)?/giu;
const TLDS = new Set(
  'nl be de fr uk com net org eu io dev me info app co es it pl pt tr at ch dk se no fi ie us ca au in ng gh za br mx ar cl pe ee lt lv cz sk hu ro bg gr ua ru cn jp kr vn id my sg hk tw online site xyz page art design studio blog tech ai ly gg tv to fm ee sr cw aw'.split(
    ' ',
  ),
);
/** Profile paths on social networks: the path names a person. */
const PROFILE: Array<[RegExp, RegExp | null]> = [
  [/(^|\.)linkedin\.com$/, /^\/in\/[^/]+/],
  [/(^|\.)(instagram\.com|instagr\.am)$/, /^\/(?!p\/|explore|reel|stories|accounts)[\w.]+/],
  [
    /(^|\.)(facebook\.com|fb\.com|fb\.me|m\.facebook\.com)$/,
    /^\/(?!pages|groups|events|watch|hashtag|share|sharer|marketplace|gaming)[\w.?=-]+/,
  ],
  [/(^|\.)tiktok\.com$/, /^\/@[\w.]+/],
  [/(^|\.)(twitter\.com|x\.com)$/, /^\/(?!home|search|hashtag|i\/)\w+/],
  [
    /(^|\.)(github\.com|gitlab\.com|behance\.net|dribbble\.com|medium\.com|linktr\.ee|vimeo\.com|soundcloud\.com|t\.me|snapchat\.com)$/,
    /^\/@?[\w.-]+/,
  ],
  [/(^|\.)youtube\.com$/, /^\/(?:@|c\/|user\/|channel\/)[\w.-]+/],
];
const PORTFOLIO_CUE =
  /(?:portfolio|profiel|profile|(?:my|mijn) (?:linkedin|instagram|facebook|twitter|github|tiktok|homepage)|mijn cv|my cv|resume|mijn (?:eigen )?(?:website|site|blog|werk)|my (?:own )?(?:website|site|blog|work|page)|personal (?:website|site|page)|persoonlijke (?:website|site|pagina))\W{0,20}(?:\S+\s+){0,4}$/i;

/** Stems one of which every portfolio cue holds: a cheap test before the anchored pattern. */
const CUE_STEMS =
  /portf|profi|cv|resume|site|blog|werk|work|page|pagina|linkedin|instagram|facebook|twitter|github|tiktok|homepage/;

function portfolioCue(window: string): boolean {
  return CUE_STEMS.test(window) && PORTFOLIO_CUE.test(window);
}

/** Longest domain label tried as first name + surname (the split test is quadratic in length). */
const MAX_PERSONAL_LABEL = 40;

/** The domain label names a person ("noortjekramer.nl", "karimbenali.dev"). */
function hostNamesPerson(host: string): boolean {
  const label = host
    .replace(/^www\./, '')
    .split('.')[0]
    .replace(/[\d-]/g, '');
  if (label.length > MAX_PERSONAL_LABEL) return false;
  const { firstNames, surnames } = nameGazetteer();
  const { frequent } = lexicon();
  if (label.length < 7 || isCommonWord(label)) return false;
  const model = nameModel();
  for (let i = 3; i <= label.length - 3; i++) {
    const head = label.slice(0, i);
    // "jessevangilbergen": the surname may start with a particle.
    const rest = label.slice(i).replace(/^(?:van(?:de[rn]?|der|den)?|de|ter|ten|el|al)(?=.{3})/, '');
    const headName = firstNames.has(head) && !frequent.has(head);
    const restName = surnames.has(rest) || firstNames.has(rest);
    if (headName && restName) return true;
    // One half listed, the other at least name-like by its letters (a name no list holds).
    if (headName && !isCommonWord(rest) && model.logOdds(rest) > 1) return true;
    if (restName && head.length >= 4 && !isCommonWord(head) && model.logOdds(head) > 1) return true;
  }
  return false;
}

/** Personal URLs (profiles, personal sites) and wa.me links (which are phone numbers). */
export function detectUrls({ text, options }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/[a-z0-9]\.[a-z]{2}/i.test(text)) return out;
  for (const m of text.matchAll(URL_RE)) {
    let value = m[0].replace(/[.,!?;:]+$/, '');
    if (!TLDS.has(m[1].toLowerCase()) && !value.includes('/')) continue;
    const start = m.index;
    if (text[start + value.length] === '@') continue;
    const bare = value.replace(/^https?:\/\//i, '');
    const slash = bare.indexOf('/');
    const host = (slash === -1 ? bare : bare.slice(0, slash)).toLowerCase();
    const path = slash === -1 ? '' : bare.slice(slash);
    if (/^(www\.)?wa\.me$/.test(host)) {
      if (/^\/\+?\d{6,15}/.test(path))
        out.push({ type: 'PHONE', start, end: start + value.length, priority: PRIORITY.structured });
      continue;
    }
    if (isInstitutionUrl(host, options.allow)) continue;
    const profile = PROFILE.find(([h]) => h.test(host.replace(/^www\./, '')));
    let personal: boolean;
    if (profile) {
      personal = profile[1] !== null && profile[1].test(path);
    } else {
      personal = hostNamesPerson(host) || (portfolioCue(before(text, start, 80)) && !path.includes('/', 1));
    }
    if (!personal) continue;
    value = value.replace(/[)\]]+$/, '');
    out.push({ type: 'URL', start, end: start + value.length, priority: PRIORITY.structured - 5 });
  }
  return out;
}

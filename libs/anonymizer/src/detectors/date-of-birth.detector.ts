import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const MONTHS =
  'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|' +
  'january|february|march|may|june|july|august|october|' +
  'jan|feb|mrt|mar|apr|jun|jul|aug|sep|sept|okt|oct|nov|dec';
/**
 * Full dates: numeric (day-month-year either way round, ISO), day + month name ("3rd of March,
 * 1999", "3 maart 1999", "14-Jul-1957") and month name + day ("March 3rd, 1999", "Mar. 3 1999").
 */
const DATE = new RegExp(
  `(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|` +
    `\\d{1,2}(?:st|nd|rd|th|e|ste|de)?(?:\\s+of)?\\s+(?:${MONTHS})\\.?,?\\s+(?:\\d{4}|'\\d\\d)|` +
    `\\d{1,2}[-/ ](?:${MONTHS})\\.?[-/ ]\\d{4}|` +
    `(?:${MONTHS})\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:\\d{4}|'\\d\\d))(?![\\p{L}\\p{N}])`,
  'giu',
);
/** Birth cues in Dutch and English; only a cued date is a date of birth. */
const CUE =
  /(?:geboren|geboortedatum|geb\.|\bgeb\b|born|date of birth|birth ?date|\bdob\b|d\.o\.b\.?|verjaardag|birthday)/gi;
/** How far after a cue the date may start. */
const WINDOW = 30;

function birthYearPlausible(date: string): boolean {
  const years = date.match(/\d{4}/);
  if (!years) return true;
  const y = Number(years[0]);
  return y >= 1920 && y <= new Date().getFullYear() - 8;
}

/**
 * Dates of birth: a full date shortly after a birth cue, or a full date with a plausible birth
 * year in brackets right after a name ("Sophie (12-5-2006)"). Open days and deadlines stay.
 */
export function detectDatesOfBirth({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d{2}/.test(text)) return out;
  for (const cue of text.matchAll(CUE)) {
    const from = cue.index + cue[0].length;
    DATE.lastIndex = 0;
    const window = text.slice(from, from + WINDOW + 25);
    const m = DATE.exec(window);
    if (!m || m.index > WINDOW) continue;
    out.push({
      type: 'DATE_OF_BIRTH',
      start: from + m.index,
      end: from + m.index + m[0].length,
      priority: PRIORITY.cued,
    });
  }
  for (const m of text.matchAll(/\(\s*([^()]{6,24})\s*\)/g)) {
    DATE.lastIndex = 0;
    const inner = DATE.exec(m[1]);
    if (!inner || inner[0].length !== m[1].trim().length || !birthYearPlausible(inner[0])) continue;
    if (!/\p{Lu}\p{Ll}+\s*$/u.test(text.slice(Math.max(0, m.index - 30), m.index))) continue;
    const start = m.index + m[0].indexOf(inner[0]);
    out.push({ type: 'DATE_OF_BIRTH', start, end: start + inner[0].length, priority: PRIORITY.cued });
  }
  return out;
}

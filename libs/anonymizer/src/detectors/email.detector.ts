import { isInstitutionEmail } from '../institution/institution';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

// The look-behind lets a match start only where a run of address characters starts: without it a
// failing run would be rescanned from every one of its characters (quadratic).
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/** E-mail addresses, except the institution's role mailboxes and allow-listed ones. */
export function detectEmails({ text, options }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(EMAIL)) {
    let value = m[0];
    let start = m.index;
    while (/^[._%+-]/.test(value)) {
      value = value.slice(1);
      start++;
    }
    if (isInstitutionEmail(value, options.allow)) continue;
    out.push({ type: 'EMAIL', start, end: start + value.length, priority: PRIORITY.structured });
  }
  return out;
}

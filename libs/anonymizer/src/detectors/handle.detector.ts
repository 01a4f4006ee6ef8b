import { ORG_WORDS } from '../gazetteers/stoplist';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const HANDLE = /(?<![\p{L}\p{N}._%+\-@/])@([A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)/gu;
/** Handles of organisations ("@UniversiteitUtrecht", "@hu_official") are not personal. */
const ORG_HANDLE =
  /universiteit|university|hogeschool|college|school|official|academie|academy|^uni|^hs|^roc|^tu|^hva|^hu[_.]|studielink|duo|campus|faculty|faculteit/i;

/** @handles of people. "@Lisa Bloem" is a mention of a person and left to the person detector. */
export function detectHandles({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!text.includes('@')) return out;
  for (const m of text.matchAll(HANDLE)) {
    const body = m[1];
    if (ORG_HANDLE.test(body) || ORG_WORDS.has(body.toLowerCase())) continue;
    const end = m.index + m[0].length;
    if (/^\p{Lu}\p{Ll}+$/u.test(body) && /^ \p{Lu}/u.test(text.slice(end, end + 2))) continue;
    out.push({ type: 'HANDLE', start: m.index, end, priority: PRIORITY.structured - 5 });
  }
  return out;
}

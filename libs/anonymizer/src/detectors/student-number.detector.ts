import { before, matched, PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Cue words for student, application, employee and member numbers (Dutch and English). */
const CUE =
  /\b(?:student(?:en)?nummer|studentnr|student ?nr|stud\.? ?nr|student (?:number|no|nr|id|#)|studentid|student-id|application (?:number|no|nr|id)|applicant (?:number|id)|aanmeldnummer|inschrijfnummer|inschrijvingsnummer|leerlingnummer|leerlingnr|collegekaartnummer|s-nummer|snummer|personeelsnummer|medewerkersnummer|lidnummer|lidmaatschapsnummer|(?:employee|staff|member(?:ship)?|matriculation|enrol?lment|library card|registration) (?:number|no|nr|id|#))\b\.?/gi;
/**
 * After a cue, institution formats: digits with an optional letter prefix ("s1234567",
 * "u7622068", "HAN-123456", "A01234567") or digit groups ("2021-04417", "123-456-789").
 */
const VALUE =
  /^[\s:#=.]*(?:(?:is|was|nu|wel|number|nummer|nr|no)\b[\s:.]*){0,3}((?:[a-zA-Z]{1,3}-?)?\d{5,10}|\d{2,6}(?:[-./]\d{2,7}){1,2})\b/;
/** University s- and u-numbers (s1234567, u1234567) are personal even without a cue. */
const S_NUMBER = /\b[sSuU]\d{7}\b/g;
/** Bare long digit runs: most likely a personal number of some kind. */
const BARE = /(?<![\p{L}\p{N}.,\-/+€$#@:])\d{7,10}(?![\p{L}\p{N}]|[.,\-/:]\d)/gu;
/** The institution's own case and ticket numbers are not personal. */
const NOT_PERSONAL =
  /\b(?:zaak|zaaknummer|ticket|case|dossier|kenmerk|referentie|reference|ref|order|factuur|invoice|bestelling|melding|vacature)\w*\W{0,3}$/i;

/** Student and application numbers: cued values, s-numbers, and bare 7-10 digit runs as fallback. */
export function detectStudentNumbers({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d\d/.test(text)) return out;
  for (const m of text.matchAll(CUE)) {
    const after = m.index + m[0].length;
    const v = VALUE.exec(text.slice(after, after + 40));
    if (!v) continue;
    const start = after + v[0].length - v[1].length;
    out.push({ type: 'STUDENT_NUMBER', start, end: start + v[1].length, priority: PRIORITY.cued });
  }
  for (const m of text.matchAll(S_NUMBER)) {
    out.push(matched('STUDENT_NUMBER', m, PRIORITY.pattern));
  }
  for (const m of text.matchAll(BARE)) {
    if (NOT_PERSONAL.test(before(text, m.index, 30))) continue;
    out.push(matched('STUDENT_NUMBER', m, PRIORITY.fallback));
  }
  return out;
}

import type { AnonymizeOptions, DetectedEntity, SpecialCategory } from '../types';
import type { Candidate, Detector, DetectorContext } from '../detectors/candidate';
import { detectAddresses } from '../detectors/address.detector';
import { detectBsns } from '../detectors/bsn.detector';
import { detectCreditCards } from '../detectors/credit-card.detector';
import { detectDatesOfBirth } from '../detectors/date-of-birth.detector';
import { detectEmails } from '../detectors/email.detector';
import { detectHandles } from '../detectors/handle.detector';
import { detectIbans } from '../detectors/iban.detector';
import { detectIdNumbers } from '../detectors/id-number.detector';
import { detectIpAddresses } from '../detectors/ip.detector';
import { detectPersons } from '../detectors/person.detector';
import { detectPhones } from '../detectors/phone.detector';
import { detectPostcodes } from '../detectors/postcode.detector';
import { detectSpecialCategories } from '../detectors/special-category.detector';
import { detectStudentNumbers } from '../detectors/student-number.detector';
import { detectUrls } from '../detectors/url.detector';
import { resolveOverlaps } from './overlaps';

/** Pattern layers: each finds candidates independently; overlaps are settled by priority. */
const PATTERN_DETECTORS: Detector[] = [
  detectIbans,
  detectCreditCards,
  detectBsns,
  detectEmails,
  detectUrls,
  detectHandles,
  detectIpAddresses,
  detectPhones,
  detectIdNumbers,
  detectStudentNumbers,
  detectDatesOfBirth,
  detectAddresses,
  detectPostcodes,
];

export interface Detection {
  entities: DetectedEntity[];
  special: SpecialCategory[];
}

/**
 * Runs the pattern layers, then the name layer on what they left, and flags special
 * categories on the text with names blanked (so a surname like "Islam" flags nothing).
 */
export function detect(text: string, options: AnonymizeOptions = {}): Detection {
  return detectInConversation(text, options);
}

/** As `detect`, also recognising the name words (folded) already seen in the conversation. */
export function detectInConversation(
  text: string,
  options: AnonymizeOptions,
  knownNames?: ReadonlySet<string>,
): Detection {
  const ctx: DetectorContext = { text, options };
  const candidates: Candidate[] = [];
  for (const detector of PATTERN_DETECTORS) candidates.push(...detector(ctx));
  const patterns = resolveOverlaps(candidates);
  const persons = detectPersons({ text, taken: patterns, knownNames });
  // Pattern entities are settled first; names only fill the gaps they left.
  const entities = resolveOverlaps([
    ...patterns.map((p) => ({ ...p, priority: Number.MAX_SAFE_INTEGER })),
    ...persons,
  ]);

  let blanked = text;
  for (const e of entities) {
    if (e.type === 'PERSON')
      blanked = blanked.slice(0, e.start) + ' '.repeat(e.end - e.start) + blanked.slice(e.end);
  }
  return { entities, special: detectSpecialCategories(blanked) };
}

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
import { warmCompromise } from '../detectors/compromise.signal';
import { detectPersons } from '../detectors/person.detector';
import { detectPhones } from '../detectors/phone.detector';
import { detectPostcodes } from '../detectors/postcode.detector';
import { detectSpecialCategories } from '../detectors/special-category.detector';
import { detectStudentNumbers } from '../detectors/student-number.detector';
import { detectUrls } from '../detectors/url.detector';
import { lexicon } from '../gazetteers/lexicon.gazetteer';
import { nameGazetteer } from '../gazetteers/names.gazetteer';
import { nameModel } from '../name-model/name-model';
import { Deadline } from './deadline';
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
  /**
   * False when the time budget ran out before every detector had examined the whole text: the
   * entities are then a partial list and the text must not be handed on (fail closed).
   */
  complete: boolean;
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
  // The word lists load once per process (hundreds of ms); that is not this message's time.
  nameGazetteer();
  lexicon();
  nameModel();
  if (options.lang === 'en') warmCompromise();
  const deadline = new Deadline(options.budgetMs);
  const ctx: DetectorContext = { text, options };
  const candidates: Candidate[] = [];
  for (const detector of PATTERN_DETECTORS) {
    if (deadline.passed()) return incomplete(candidates, text.length);
    // A loop, not push(...found): a long text can yield more candidates than a call takes arguments.
    for (const c of detector(ctx)) candidates.push(c);
  }
  const patterns = resolveOverlaps(candidates, text.length);
  if (deadline.passed()) return incomplete(candidates, text.length);
  const persons = detectPersons({ text, taken: patterns, knownNames, deadline, lang: options.lang });
  // Pattern entities are settled first; names only fill the gaps they left.
  const entities = resolveOverlaps(persons, text.length, patterns);
  if (deadline.passed()) return { entities, special: [], complete: false };
  const special = detectSpecialCategories(blankPersons(text, entities));
  return { entities, special, complete: !deadline.tripped };
}

function incomplete(candidates: Candidate[], length: number): Detection {
  return { entities: resolveOverlaps(candidates, length), special: [], complete: false };
}

/** The text with every name replaced by spaces of the same length (offsets stay valid). */
function blankPersons(text: string, entities: DetectedEntity[]): string {
  let out = '';
  let cursor = 0;
  for (const e of entities) {
    if (e.type !== 'PERSON') continue;
    out += text.slice(cursor, e.start) + ' '.repeat(e.end - e.start);
    cursor = e.end;
  }
  return out + text.slice(cursor);
}

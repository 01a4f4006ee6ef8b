import { IDENTIFIER_PHRASES, type IdentifierKind } from './identifier-kinds';
import { everywhere, phrase } from './phrase';
import { URL_CANDIDATE } from './url-candidates';

/**
 * Rules, per sentence of the draft (links blanked first, so "/bsn-info" in a URL names nothing):
 * 1. A sentence is a request if it is a question ("?") or contains a request cue (Dutch or English).
 * 2. A sentence that points to a safe channel (Studielink, DigiD, the secure portal) is an
 *    instruction about that channel, not a request over this one.
 * 3. Within a request, an identifier counts as asked unless its clause (split at , ; : and
 *    "maar/but/want/because") is negated ("nooit", "niet", "geen", "never", "don't" …).
 *    "Vergeet niet" / "don't forget" is a request, not a negation.
 * 4. A question without a request cue that names the identifier with an article ("Heb je al een
 *    BSN?", "Do you have a student number?") asks whether they have one, not for its value.
 */
const REQUEST_CUE = phrase(
  // Dutch
  'stuur',
  'stuurt',
  '(?:op|door|toe|na)?sturen',
  'geef',
  'geeft',
  '(?:door)?geven',
  'mail',
  'mailen',
  'mailt',
  'app',
  'appen',
  'laat(?: \\S+){0,5} weten',
  '(?:kun|kan|wil|zou) (?:je|jij)',
  '(?:kunt|wilt|zou) u',
  'graag',
  'vul',
  'invullen',
  'noem',
  'vermeld',
  'vermelden',
  'deel',
  'delen',
  'upload',
  'uploaden',
  'nodig',
  'mogen we',
  'mag ik',
  // English
  'send',
  'give',
  'provide',
  'share',
  'tell (?:us|me)',
  'let (?:us|me) know',
  'please',
  '(?:could|can|would|will) (?:you|u)',
  "we(?:[’']ll| will)? need",
  'need your',
  'enter',
  'fill in',
  'dm',
  'message us',
  "what(?:[’']s| is) your",
  '(?:may|can) (?:i|we) have',
  'require',
);

const SAFE_CHANNEL = phrase('studielink', 'digid', '(?:upload)?portaa?l', 'beveiligde?', 'secure(?:ly)?');

const NEGATION = phrase(
  'nooit',
  'niet',
  'geen',
  'zonder',
  'never',
  'not',
  'no need',
  'without',
  "\\p{L}+n[’']t",
  'dont',
);

const NOT_A_NEGATION = everywhere(
  phrase(
    '(?:vergeet|vergeten) (?:dan |ook )?niet',
    'niet (?:te )?vergeten',
    "don[’']?t forget",
    'do not forget',
  ),
);

const SENTENCE_BREAK = /(?<=[.!?…])\s+|\n+/u;
const CLAUSE_BREAK = /[,;:]|\s(?:maar|want|but|because)\s/iu;

/** Identifier kinds the draft asks for, in order of first appearance. */
export function findAsks(draft: string): IdentifierKind[] {
  const found: IdentifierKind[] = [];
  const text = draft.replace(URL_CANDIDATE, (url) => ' '.repeat(url.length));
  for (const sentence of text.split(SENTENCE_BREAK)) {
    const hasCue = REQUEST_CUE.test(sentence);
    if (!(hasCue || sentence.includes('?')) || SAFE_CHANNEL.test(sentence)) continue;
    for (const clause of sentence.split(CLAUSE_BREAK)) {
      if (NEGATION.test(clause.replace(NOT_A_NEGATION, ' '))) continue;
      for (const kind of kindsIn(clause, !hasCue)) if (!found.includes(kind)) found.push(kind);
    }
  }
  return found;
}

const ARTICLE_BEFORE = /(?:^|\s)(?:een|geen|a|an|any)\s+$/iu;

/** Kinds named in a clause, ordered by position; `skipAfterArticle` applies rule 4. */
function kindsIn(clause: string, skipAfterArticle: boolean): IdentifierKind[] {
  const hits: { kind: IdentifierKind; at: number }[] = [];
  for (const kind of Object.keys(IDENTIFIER_PHRASES) as IdentifierKind[]) {
    for (const match of clause.matchAll(everywhere(IDENTIFIER_PHRASES[kind]))) {
      if (skipAfterArticle && ARTICLE_BEFORE.test(clause.slice(0, match.index))) continue;
      hits.push({ kind, at: match.index });
      break;
    }
  }
  return hits.sort((a, b) => a.at - b.at).map(({ kind }) => kind);
}

import CUE_WORDS from './person.cue-words.json';

/**
 * Phrases that announce a person's name. The words right before a candidate are looked up in
 * phrase tables (no regex scan per word, which matters at thousands of messages per second).
 */
export type CueKind =
  /** "ik ben", "i'm": a lower-case word after it is often not a name ("ik ben bang"). */
  | 'intro'
  /** "mijn naam is", "it's", "groetjes", "mijn dochter", "Hoi": the next name-like word is a name. */
  | 'strong'
  /** "meneer", "Dear Ms", "dhr.": a surname may follow on its own, particles included. */
  | 'honorific';

/**
 * The cue phrases, folded (data in `person.cue-words.json`):
 * - intro: "ik ben", "i'm" (a lower-case word after it is often not a name: "ik ben bang");
 * - naming, thanks, closing: "mijn naam is", "thanks", sign-offs ("groetjes", "kind regards");
 * - greetings: count only at the start of a sentence or line ("Hoi Bas,", "Dear Priya");
 * - possessives × relations: "mijn vriendin", "my friend"; parents: "moeder van", "father of";
 * - honorifics: "meneer", "Ms", "dhr" (a surname may follow on its own);
 * - roles, written right before a name ("minister Hugo de Jonge", "docent Yilmaz"), and contact
 *   ("ask for Lakisha", "neem contact op met …"): weak like an introduction, so an ordinary word
 *   after them stays a word ("docent Wiskunde");
 * - citation: reported speech in news-style text ("zegt Okafor", "aldus Van Riet", "said Hus");
 * - closingThanks: thanks that end a message, before the writer's name ("thanks,\nsamed …").
 */
const {
  intro: INTRO,
  naming: NAMING,
  thanks: THANKS,
  closing: CLOSING,
  greetings: GREETINGS,
  possessives: POSSESSIVES,
  relations: RELATIONS,
  parents: PARENTS,
  honorifics,
  roles: ROLES,
  contact: CONTACT,
  citation: CITATION,
  closingThanks: CLOSING_THANKS,
} = CUE_WORDS;
const HONORIFICS: ReadonlySet<string> = new Set(honorifics);

const PHRASES = new Map<string, CueKind>();
for (const p of INTRO) PHRASES.set(p, 'intro');
for (const p of ROLES) PHRASES.set(p, 'intro');
for (const p of CONTACT) PHRASES.set(p, 'intro');
for (const p of [...NAMING, ...THANKS, ...CLOSING, ...CITATION]) PHRASES.set(p, 'strong');
for (const p of POSSESSIVES) for (const r of RELATIONS) PHRASES.set(`${p} ${r}`, 'strong');
for (const p of PARENTS) for (const of of ['van', 'of']) PHRASES.set(`${p} ${of}`, 'strong');
const GREETING_SET = new Set(GREETINGS);
const POSSESSIVE_SET: ReadonlySet<string> = new Set(POSSESSIVES);
const RELATION_SET: ReadonlySet<string> = new Set(RELATIONS);

/** "mijn vriendin", "my friend": a possessive and a relation word, in that order. */
export const isRelation = (possessive: string, relation: string): boolean =>
  POSSESSIVE_SET.has(possessive) && RELATION_SET.has(relation);
const MAX_PHRASE_WORDS = 5;
/** Every cue ends in one of these words: any other word right before a candidate rules out a cue. */
const LAST_WORDS = new Set([...PHRASES.keys(), ...GREETINGS, ...HONORIFICS].map((p) => p.split(' ').pop()!));

const CLOSING_SET = new Set([...CLOSING, ...CLOSING_THANKS]);
const CLOSING_LAST = new Set([...CLOSING_SET].map((p) => p.split(' ').pop()!));

/** What may follow a word that ends a greeting or sign-off phrase: punctuation, emoji, kisses, the end. */
const CLOSES = /^[ \t]*(?:[^\p{L}\p{N}\s'’-]|\n|$|x{2,4}\b)/u;

/** "Hi Spencer,", "hey lars 👋", "- tara": the word ends the phrase. Only tested where it can matter. */
export const closesAt = (text: string, end: number): boolean => CLOSES.test(text.slice(end, end + 6));

/** Whether a (folded) word can end a sign-off: a cheap test before `closingBefore`. */
export function mayEndClosing(key: string): boolean {
  return CLOSING_LAST.has(key);
}

/**
 * Whether a sign-off ("Groetjes,", "Kind regards,\n", "Mvg", "- ") ends right before `start`: the
 * words after it up to the end of the line are the writer's name, whatever their case.
 */
export function closingBefore(text: string, start: number): boolean {
  let i = start;
  while (i > 0 && isSeparator(text[i - 1]) && start - i < 6) i--;
  const sep = text.slice(i, start);
  const dash = sep.search(/[-—–]/);
  if (dash >= 0 && (i + dash === 0 || /\s/.test(text[i + dash - 1]))) return true;
  const words: string[] = [];
  let j = i;
  while (words.length < 4 && j > 0) {
    let k = j;
    while (k > 0 && isWordChar(text[k - 1])) k--;
    if (k === j) break;
    words.unshift(text.slice(k, j).toLowerCase());
    if (CLOSING_SET.has(words.join(' '))) return true;
    j = k;
    if (j > 0 && text[j - 1] === ' ') j--;
    else break;
  }
  return false;
}

/** A dash (after a space or at the start) right before `start`: "- tara", "— Hannah". */
export function dashBefore(text: string, start: number): boolean {
  let p = start - 1;
  while (p >= 0 && (text[p] === ' ' || text[p] === '\t')) p--;
  if (p < 0) return false;
  const c = text[p];
  if (c !== '-' && c !== '—' && c !== '–') return false;
  return p === 0 || /\s/.test(text[p - 1]);
}

/** "meneer", "Mr", "mevr": a surname may follow, particles first ("meneer van den …"). */
export function isHonorific(key: string): boolean {
  return HONORIFICS.has(key);
}

/** Whether a (folded) word can end a cue phrase: a cheap test before `cueBefore`. */
export function mayEndCue(key: string): boolean {
  return LAST_WORDS.has(key);
}

const SEPARATORS = new Set([' ', '\t', '\n', '\r', ',', ':', ';', '.', '!', '—', '–', '-']);
const isSeparator = (c: string): boolean => SEPARATORS.has(c);
const NON_ASCII_LETTER = /[\p{L}’]/u;
/** Letters and apostrophes; checked per character, so ASCII is tested without a regex. */
function isWordChar(c: string): boolean {
  const code = c.charCodeAt(0);
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 39;
  return NON_ASCII_LETTER.test(c);
}

/** The strongest cue that ends right before `start` in `text`. */
export function cueBefore(text: string, start: number): CueKind | undefined {
  let i = start;
  while (i > 0 && isSeparator(text[i - 1]) && start - i < 6) i--;
  const sep = text.slice(i, start);
  // A dash before a name on its own ("— Hannah Schulz", "- Merel").
  const dash = sep.search(/[-—–]/);
  if (dash >= 0 && (i + dash === 0 || /\s/.test(text[i + dash - 1]))) return 'strong';
  // Collect up to five words before the separator, newest last.
  const words: string[] = [];
  let j = i;
  while (words.length < MAX_PHRASE_WORDS && j > 0) {
    let k = j;
    while (k > 0 && isWordChar(text[k - 1])) k--;
    if (k === j) break;
    words.unshift(text.slice(k, j).toLowerCase().replace(/’/g, "'"));
    if (words.length === 1 && !LAST_WORDS.has(words[0])) return undefined;
    j = k;
    if (j > 0 && (text[j - 1] === ' ' || text[j - 1] === '.')) j--;
    else break;
  }
  if (words.length === 0) return undefined;
  const last = words[words.length - 1];
  if (HONORIFICS.has(last) && /^\.?[ \t]+$/.test(sep)) return 'honorific';
  let found: CueKind | undefined;
  for (let n = 1; n <= words.length; n++) {
    const phrase = words.slice(words.length - n).join(' ');
    const kind = PHRASES.get(phrase);
    if (kind === 'strong') return 'strong';
    if (kind) found = kind;
    if (GREETING_SET.has(phrase) && /^[\s,]*$/.test(sep)) {
      const at = startOfPhrase(text, i, n);
      let b = at;
      while (b > 0 && (text[b - 1] === ' ' || text[b - 1] === '\t')) b--;
      if (b === 0 || /[\n.!?>]/.test(text[b - 1])) return 'strong';
    }
  }
  return found;
}

/** Offset where the last `n` words before `end` begin. */
function startOfPhrase(text: string, end: number, n: number): number {
  let j = end;
  for (let w = 0; w < n; w++) {
    while (j > 0 && isWordChar(text[j - 1])) j--;
    if (w < n - 1 && j > 0) j--;
  }
  return j;
}

/** Words after a greeting that address a group, not a person ("Hoi allemaal!", "Hi there,"). */
export const GENERIC_ADDRESSEE: ReadonlySet<string> = new Set(
  `allemaal iedereen all everyone everybody there team guys folks people friends student students studenten
  sir madam again daar weer lieverd schat dear love mensen lui collegas`.split(/\s+/),
);

/** Words after a message-initial name that show it is addressed ("Fleur kijk", "Mees jij …"). */
export const VOCATIVE_NEXT: ReadonlySet<string> = new Set(
  `jij je jullie kijk kijkt weet wist waar ga gaan heb hebt moet moest kom komt zie zag kun kan wil wilt ben bent was had zou zullen
  did do does have are were you we look check come see wanna should could would lets let's hoe wat wanneer waarom`.split(
    /\s+/,
  ),
);

/** For words that are mostly ordinary words ("Storm", "Mark"), only a second-person follow-up counts. */
export const VOCATIVE_PRONOUN: ReadonlySet<string> = new Set(
  'jij je jullie you did do does have are were kijk look'.split(' '),
);

/** Modal or auxiliary words that a vocative test must not take for a name ("Will you …"). */
export const AUXILIARY: ReadonlySet<string> = new Set(
  'will may can should would could shall must might do did does are is have has was were'.split(' '),
);

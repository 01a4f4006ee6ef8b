/**
 * People and place tagging by `compromise` (the project's English NLP library), one more signal
 * for English text next to the lists, the model and the cues. Loaded lazily once (about half a
 * second, like the gazetteers); a parse is only made when a message leaves capitalised words
 * undecided, the place signal is a lexicon look-up.
 */
interface OffsetTerm {
  offset: { start: number; length: number };
}
type Nlp = ((text: string) => { people(): { out(format: 'offset'): OffsetTerm[] } }) & {
  world(): { model: { one: { lexicon: Record<string, string | string[] | undefined> } } };
};

let nlp: Nlp | undefined;
let lexicon: Record<string, string | string[] | undefined> = {};
const NAME_TAGS: ReadonlySet<string> = new Set(['FirstName', 'MaleName', 'FemaleName', 'LastName', 'Person']);
const PLACE_TAGS: ReadonlySet<string> = new Set(['City', 'Country', 'Region', 'Place']);

/** Loads compromise; detect() calls this before a message's time budget starts. */
export function warmCompromise(): void {
  if (nlp) return;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  nlp = require('compromise') as Nlp;
  lexicon = nlp.world().model.one.lexicon;
}

/**
 * Whether compromise's own lexicon tags the (folded) word as a name. A parse costs milliseconds,
 * so only words its lexicon already takes for a name are worth one.
 */
export function compromiseMayTagName(key: string): boolean {
  return lexiconTagged(key, NAME_TAGS);
}

/** Whether compromise's lexicon knows the (lower-case) word only as a place, never as a name. */
export function compromiseKnowsPlace(key: string): boolean {
  return lexiconTagged(key, PLACE_TAGS) && !lexiconTagged(key, NAME_TAGS);
}

function lexiconTagged(key: string, wanted: ReadonlySet<string>): boolean {
  warmCompromise();
  const tags = Object.hasOwn(lexicon, key) ? lexicon[key] : undefined;
  if (tags === undefined) return false;
  return typeof tags === 'string' ? wanted.has(tags) : tags.some((t) => wanted.has(t));
}

/** The words before a place: "from Milan", "in Lagos", "near Leeds", "moved to Accra". */
const PLACE_PREPOSITION = /(?:^|[^\p{L}])(?:from|in|near|to|at|around|outside|of|via)[ \t]+$/iu;

/**
 * A single capitalised word after a place preposition that compromise's lexicon knows as a city,
 * country or region ("I'm Giulia Rossi from Milan"): a place, not a person. A name of two or more
 * words ("from Milan Kovač") is not judged here.
 */
export function compromisePlaceMention(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end);
  if (!/^\p{Lu}\p{Ll}+$/u.test(word)) return false;
  if (!PLACE_PREPOSITION.test(text.slice(Math.max(0, start - 12), start))) return false;
  return compromiseKnowsPlace(word.toLowerCase());
}

/** Longer texts are not parsed: compromise's cost per character is high, and the other layers still run. */
const MAX_PARSED_LENGTH = 4000;

/** Spans (start, end) that compromise tags as people. */
export function compromisePeople(text: string): Array<[number, number]> {
  if (text.length > MAX_PARSED_LENGTH) return [];
  warmCompromise();
  return nlp!(text)
    .people()
    .out('offset')
    .map((p) => [p.offset.start, p.offset.start + p.offset.length] as [number, number]);
}

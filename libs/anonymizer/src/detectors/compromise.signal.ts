/**
 * People tagging by `compromise` (the project's English NLP library), one more signal for English
 * text next to the lists, the model and the cues. Loaded lazily once (about half a second, like
 * the gazetteers) and only consulted when a message leaves capitalised words undecided.
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
  warmCompromise();
  const tags = lexicon[key];
  if (tags === undefined) return false;
  return typeof tags === 'string' ? NAME_TAGS.has(tags) : tags.some((t) => NAME_TAGS.has(t));
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

import { Topic, TOPICS } from '../dimensions';
import lexicons from './topic-lexicon.json';

/**
 * Topic cues per language (data in topic-lexicon.json), written from admissions practice (not
 * fitted to the evaluation set). Pattern syntax: `word` exact lemma, `stem*` prefix (Dutch
 * inflections and compounds starting with it), `*part*` anywhere in a word (Dutch compounds ending
 * in it), several words for a phrase. Weights: 3 a cue that alone names the topic, 2 strong, 1
 * supporting; generic words that appear in nearly every message (opleiding, programme) weigh less
 * so a specific cue wins.
 */
export type TopicLexicon = Partial<Record<Topic, Record<string, number>>>;

/** A topic outside the taxonomy or a weight outside (0, 3] is a mistake in the data file. */
function lexicon(lang: string, entries: Record<string, Record<string, number>>): TopicLexicon {
  for (const [topic, cues] of Object.entries(entries)) {
    if (!(TOPICS as readonly string[]).includes(topic))
      throw new Error(`${lang} lexicon: unknown topic ${topic}`);
    for (const [cue, weight] of Object.entries(cues))
      if (!(weight > 0 && weight <= 3)) throw new Error(`${lang} lexicon: ${topic}/${cue} weighs ${weight}`);
  }
  return entries as TopicLexicon;
}

export const DUTCH_TOPICS = lexicon('nl', lexicons.nl);
export const ENGLISH_TOPICS = lexicon('en', lexicons.en);

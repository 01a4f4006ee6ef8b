import { Sentiment, SENTIMENTS, Topic, TOPICS } from '../dimensions';
import entries from './labelled-messages.json';

export interface LabelledMessage {
  lang: 'nl' | 'en';
  topic: Topic;
  sentiment: Sentiment;
  /** As the classifier sees it: pseudonymized (identifiers replaced by tokens). */
  text: string;
}

/**
 * Hand-written evaluation set (data in labelled-messages.json): messages as prospective students
 * and parents write them to an admissions desk over WhatsApp, Facebook and LinkedIn, labelled with
 * one primary topic and a sentiment bucket. Written for this purpose after the lexicons, not taken
 * from real people.
 */
export const LABELLED_MESSAGES: LabelledMessage[] = entries.map(labelled);

/** A label outside the taxonomy is a mistake in the data file, not a miss of the classifier. */
function labelled(
  e: { lang: string; topic: string; sentiment: string; text: string },
  i: number,
): LabelledMessage {
  const { lang, topic, sentiment, text } = e;
  if (lang !== 'nl' && lang !== 'en') throw new Error(`labelled message ${i}: unknown language ${lang}`);
  if (!isOneOf(TOPICS, topic)) throw new Error(`labelled message ${i}: unknown topic ${topic}`);
  if (!isOneOf(SENTIMENTS, sentiment))
    throw new Error(`labelled message ${i}: unknown sentiment ${sentiment}`);
  return { lang, topic, sentiment, text };
}

function isOneOf<T extends string>(values: readonly T[], v: string): v is T {
  return (values as readonly string[]).includes(v);
}

import { TOPICS } from '../dimensions';
import { classifySentiment, classifyTopic } from '../classification/classify';
import { LabelledMessage } from './labelled-messages';

export interface ClassifierScore {
  messages: number;
  topicAccuracy: number;
  sentimentAccuracy: number;
  /** Recall per topic: share of messages labelled with the topic that got it. */
  topicRecall: Record<string, number>;
  byLanguage: Record<string, { topicAccuracy: number; sentimentAccuracy: number }>;
  misses: { text: string; expected: string; got: string }[];
}

/** Scores topic and sentiment on the labelled set, using each message's labelled language. */
export function scoreClassifier(messages: readonly LabelledMessage[]): ClassifierScore {
  let topicHits = 0;
  let sentimentHits = 0;
  const perTopic = new Map<string, { n: number; hits: number }>(TOPICS.map((t) => [t, { n: 0, hits: 0 }]));
  const perLang = new Map<string, { n: number; topic: number; sentiment: number }>();
  const misses: ClassifierScore['misses'] = [];
  for (const m of messages) {
    const topic = classifyTopic([m.text], m.lang);
    const sentiment = classifySentiment([m.text], m.lang);
    const t = perTopic.get(m.topic)!;
    const l = perLang.get(m.lang) ?? { n: 0, topic: 0, sentiment: 0 };
    perLang.set(m.lang, l);
    t.n++;
    l.n++;
    if (topic === m.topic) {
      topicHits++;
      t.hits++;
      l.topic++;
    } else misses.push({ text: m.text, expected: m.topic, got: topic });
    if (sentiment === m.sentiment) {
      sentimentHits++;
      l.sentiment++;
    } else misses.push({ text: m.text, expected: m.sentiment, got: sentiment });
  }
  const round = (x: number) => Math.round(x * 1000) / 1000;
  return {
    messages: messages.length,
    topicAccuracy: round(topicHits / messages.length),
    sentimentAccuracy: round(sentimentHits / messages.length),
    topicRecall: Object.fromEntries([...perTopic].map(([k, v]) => [k, round(v.n ? v.hits / v.n : 0)])),
    byLanguage: Object.fromEntries(
      [...perLang].map(([k, v]) => [
        k,
        { topicAccuracy: round(v.topic / v.n), sentimentAccuracy: round(v.sentiment / v.n) },
      ]),
    ),
    misses,
  };
}

import { ReportLanguage, Sentiment, Topic, TOPICS } from '../dimensions';
import { fold, lemmas, TextLanguage } from './lemmas';
import { LexiconMatcher } from './lexicon-matcher';
import { DUTCH_SENTIMENT, ENGLISH_SENTIMENT, NEGATORS, NEUTRAL_FORMULAS } from './sentiment-lexicon';
import { DUTCH_TOPICS, ENGLISH_TOPICS, TopicLexicon } from './topic-lexicon';

export interface CaseClassification {
  language: ReportLanguage;
  topic: Topic;
  sentiment: Sentiment;
}

// Function words, frequent in any message and rarely shared between the two languages.
const DUTCH_WORDS = new Set(
  'de het een en van voor met op dat dit die ook zijn ben hebt heeft hebben je jij jou jouw u uw niet geen wij ons onze jullie naar bij maar wel nog als wat hoe waar wanneer kun kunt kan wil wilt graag bedankt hallo hoi goedemiddag goedemorgen groet tot om te er aan hoor alvast ik mijn mag moet welke'.split(
    ' ',
  ),
);
const ENGLISH_WORDS = new Set(
  'the a and for with on that this also you your our us please thanks thank are be been have has do does not what how where when can could would will to from it hello hi regards dear i my is am should which there any'.split(
    ' ',
  ),
);

/** Dutch, English, or other (no function words of either: another language, or no text). */
export function detectLanguage(text: string): ReportLanguage {
  let nl = 0;
  let en = 0;
  for (const word of fold(text).match(/\p{L}+/gu) ?? []) {
    if (DUTCH_WORDS.has(word)) nl++;
    if (ENGLISH_WORDS.has(word)) en++;
  }
  if (nl === 0 && en === 0) return 'other';
  return en > nl ? 'en' : 'nl';
}

const topicMatchers = (lexicon: TopicLexicon) =>
  TOPICS.filter((t) => lexicon[t]).map((topic) => ({ topic, matcher: new LexiconMatcher(lexicon[topic]!) }));
const TOPIC_MATCHERS: Record<TextLanguage, { topic: Topic; matcher: LexiconMatcher }[]> = {
  nl: topicMatchers(DUTCH_TOPICS),
  en: topicMatchers(ENGLISH_TOPICS),
};

/** When two topics score the same, the more specific one wins. */
const TIE_ORDER: Topic[] = [
  'accessibility',
  'international',
  'student_finance',
  'housing',
  'open_day',
  'tuition',
  'application',
  'admission',
  'schedule',
  'programme',
];

/** The primary topic of a case: highest summed cue weight over its inbound messages, or `other`. */
export function classifyTopic(texts: readonly string[], language: TextLanguage): Topic {
  return topicOf(
    texts.map((t) => lemmas(t, language)),
    language,
  );
}

function topicOf(lemmatized: string[][], language: TextLanguage): Topic {
  const scores = new Map<Topic, number>();
  for (const words of lemmatized) {
    for (const { topic, matcher } of TOPIC_MATCHERS[language]) {
      for (const m of matcher.matches(words)) scores.set(topic, (scores.get(topic) ?? 0) + m.value);
    }
  }
  let best: Topic = 'other';
  let bestScore = 0;
  for (const topic of TIE_ORDER) {
    const score = scores.get(topic) ?? 0;
    if (score > bestScore) {
      best = topic;
      bestScore = score;
    }
  }
  return bestScore >= MIN_TOPIC_SCORE ? best : 'other';
}

/** A single weak cue ("wanneer", "kosten") is not enough to name a topic. */
const MIN_TOPIC_SCORE = 2;

const SENTIMENT_MATCHERS: Record<TextLanguage, LexiconMatcher> = {
  nl: new LexiconMatcher(withFormulas(DUTCH_SENTIMENT)),
  en: new LexiconMatcher(withFormulas(ENGLISH_SENTIMENT)),
};

/** Formulas are matched as phrases worth 0, so their words ("bedankt") do not count on their own. */
function withFormulas(lexicon: Record<string, number>): Record<string, number> {
  return { ...lexicon, ...Object.fromEntries(NEUTRAL_FORMULAS.map((f) => [f, 0])) };
}

/** How many words after a negator it flips. */
const NEGATION_SCOPE = 3;
const EMOJI_POSITIVE = /[😊🙂😀😃😄😁👍❤🥰😍🙏🎉]/gu;
const EMOJI_NEGATIVE = /[😡😠👎😢😭😞😤🙁☹]/gu;

/**
 * Lexicon sentiment of a case's inbound messages: sum of cue weights, a negator flipping the
 * cues within the next three words ("niet duidelijk", "not happy"; "not bad" turns mildly
 * positive), emoji counted. At least +2 is positive, at most -2 negative, the rest neutral.
 */
export function classifySentiment(texts: readonly string[], language: TextLanguage): Sentiment {
  return sentimentOf(
    texts,
    texts.map((t) => lemmas(t, language)),
    language,
  );
}

function sentimentOf(texts: readonly string[], lemmatized: string[][], language: TextLanguage): Sentiment {
  let score = 0;
  for (const [i, text] of texts.entries()) {
    const words = lemmatized[i];
    let negatedUntil = -1;
    const negators: number[] = [];
    words.forEach((w, i) => {
      if (NEGATORS.has(w)) negators.push(i);
    });
    const matches = SENTIMENT_MATCHERS[language].matches(words);
    let n = 0;
    for (const m of matches) {
      while (n < negators.length && negators[n] < m.at) {
        negatedUntil = negators[n] + NEGATION_SCOPE;
        n++;
      }
      const negated = m.at <= negatedUntil;
      score += negated ? (m.value > 0 ? -m.value : -m.value / 2) : m.value;
    }
    score += 2 * ((text.match(EMOJI_POSITIVE) ?? []).length - (text.match(EMOJI_NEGATIVE) ?? []).length);
  }
  return score >= 2 ? 'positive' : score <= -2 ? 'negative' : 'neutral';
}

/** Language, topic and sentiment of a case from its inbound pseudonymized texts. */
export function classifyCase(texts: readonly string[]): CaseClassification {
  const language = detectLanguage(texts.join(' '));
  const lexiconLanguage: TextLanguage = language === 'en' ? 'en' : 'nl';
  const lemmatized = texts.map((t) => lemmas(t, lexiconLanguage)); // once: compromise is the costly part
  return {
    language,
    topic: topicOf(lemmatized, lexiconLanguage),
    sentiment: sentimentOf(texts, lemmatized, lexiconLanguage),
  };
}

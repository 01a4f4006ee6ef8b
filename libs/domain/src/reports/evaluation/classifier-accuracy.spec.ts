import { TOPICS } from '../dimensions';
import { LABELLED_MESSAGES } from './labelled-messages';
import { scoreClassifier } from './score';

/** Accuracy floors on the hand-written set; the README reports the measured numbers. */
describe('topic and sentiment classifier on the labelled set', () => {
  const score = scoreClassifier(LABELLED_MESSAGES);

  it('has at least 200 messages in Dutch and English with every topic present in both', () => {
    expect(LABELLED_MESSAGES.length).toBeGreaterThanOrEqual(200);
    for (const lang of ['nl', 'en'] as const) {
      for (const topic of TOPICS) {
        expect(LABELLED_MESSAGES.some((m) => m.lang === lang && m.topic === topic)).toBe(true);
      }
    }
  });

  it('names the topic of at least 85% of the messages', () => {
    expect(score.topicAccuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('gets the sentiment bucket of at least 75% of the messages', () => {
    expect(score.sentimentAccuracy).toBeGreaterThanOrEqual(0.75);
  });

  it('holds in each language', () => {
    for (const lang of ['nl', 'en']) {
      expect(score.byLanguage[lang].topicAccuracy).toBeGreaterThanOrEqual(0.8);
      expect(score.byLanguage[lang].sentimentAccuracy).toBeGreaterThanOrEqual(0.75);
    }
  });
});

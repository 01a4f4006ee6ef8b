import { detect } from '../engine/detect';
import { holdOutNames } from '../gazetteers/name-holdout';
import { useNameModel } from '../name-model/name-model';
import { trainModelFromSources } from '../name-model/training-data';
import { generateMessages, type GeneratedMessage } from './generator';
import { score, type Score, type Span } from './score';

export interface GeneratedEvaluation {
  /** Names from the half the build knows, production gazetteer and committed model. */
  seen: Score;
  /** Names from the other half; gazetteer and name model built without them. */
  unseen: Score;
}

export function scoreMessages(messages: readonly GeneratedMessage[]): Score {
  const predictions = new Map<string, Span[]>();
  for (const m of messages) {
    const lang = m.lang === 'nl' || m.lang === 'en' ? m.lang : null;
    predictions.set(m.id, detect(m.text, { lang, senderCountry: m.senderCountry }).entities);
  }
  return score(messages, predictions);
}

/**
 * The leave-names-out check: the name sources are split in two by a hash of each name; the
 * "unseen" run builds the gazetteer and trains the name model on half 0 only and tests on
 * messages whose names all come from half 1. Restores the production setup afterwards.
 */
export function evaluateLeaveNamesOut(count = 1000, seed = 7): GeneratedEvaluation {
  holdOutNames(null);
  useNameModel(undefined);
  const seen = scoreMessages(generateMessages(count, 0, seed));
  const unseen = withNamesHeldOut(() => scoreMessages(generateMessages(count, 1, seed)));
  return { seen, unseen };
}

/**
 * Runs `run` with gazetteer and name model built from half 0 of the names only (so that text
 * written with names from half 1 holds no name the engine knows), then restores production.
 */
export function withNamesHeldOut<T>(run: () => T): T {
  try {
    holdOutNames(1);
    useNameModel(trainModelFromSources());
    return run();
  } finally {
    holdOutNames(null);
    useNameModel(undefined);
  }
}

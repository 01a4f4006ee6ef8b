import { ENTITY_TYPES, type EntityType } from '../types';

export interface Span {
  type: EntityType | string;
  start: number;
  end: number;
}

export interface GoldMessage {
  id: string;
  text: string;
  entities: Span[];
}

export interface TypeScore {
  type: string;
  gold: number;
  caught: number;
  recall: number;
  predicted: number;
  correct: number;
  precision: number;
  f2: number;
}

export interface Score {
  perType: TypeScore[];
  overall: TypeScore;
  /** Share of gold entities not fully covered. */
  entityLeakRate: number;
  /** Share of messages with at least one leaked entity. */
  messageLeakRate: number;
  messages: number;
  /** Ids and texts of gold entities that leaked, for error analysis. */
  leaks: Array<{ id: string; type: string; text: string }>;
  /** Predicted spans that touch no gold entity. */
  falsePositives: Array<{ id: string; type: string; text: string }>;
}

function f2(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (5 * precision * recall) / (4 * precision + recall);
}

/** A gold entity is caught when every letter and digit in it is covered by some predicted span (any type). */
export function covered(text: string, gold: Span, predicted: readonly Span[]): boolean {
  for (let i = gold.start; i < gold.end; i++) {
    if (!/[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
    if (!predicted.some((p) => p.start <= i && i < p.end)) return false;
  }
  return true;
}

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

interface Tally {
  gold: number;
  caught: number;
  predicted: number;
  correct: number;
}

/**
 * Scores predictions against gold annotations. Recall per gold type (letter/digit coverage),
 * precision per predicted type (a span is right when it overlaps any gold span), F2 weighs
 * recall four times as much as precision, as leaks cost more than over-masking.
 */
export function score(
  messages: readonly GoldMessage[],
  predictions: ReadonlyMap<string, readonly Span[]>,
): Score {
  const tallies = new Map<string, Tally>();
  const tally = (type: string): Tally => {
    let t = tallies.get(type);
    if (!t) tallies.set(type, (t = { gold: 0, caught: 0, predicted: 0, correct: 0 }));
    return t;
  };
  const total: Tally = { gold: 0, caught: 0, predicted: 0, correct: 0 };
  let leakyMessages = 0;
  const leaks: Score['leaks'] = [];
  const falsePositives: Score['falsePositives'] = [];

  for (const m of messages) {
    const predicted = predictions.get(m.id) ?? [];
    let leaked = false;
    for (const g of m.entities) {
      const ok = covered(m.text, g, predicted);
      const t = tally(g.type);
      t.gold++;
      total.gold++;
      if (ok) {
        t.caught++;
        total.caught++;
      } else {
        leaked = true;
        leaks.push({ id: m.id, type: g.type, text: m.text.slice(g.start, g.end) });
      }
    }
    if (leaked) leakyMessages++;
    for (const p of predicted) {
      const right = m.entities.some((g) => overlaps(g, p));
      const t = tally(p.type);
      t.predicted++;
      total.predicted++;
      if (right) {
        t.correct++;
        total.correct++;
      } else {
        falsePositives.push({ id: m.id, type: p.type, text: m.text.slice(p.start, p.end) });
      }
    }
  }

  const finish = (type: string, t: Tally): TypeScore => {
    const recall = t.gold === 0 ? 1 : t.caught / t.gold;
    const precision = t.predicted === 0 ? 1 : t.correct / t.predicted;
    return { type, ...t, recall, precision, f2: f2(precision, recall) };
  };
  const order = [
    ...ENTITY_TYPES,
    ...[...tallies.keys()].filter((k) => !(ENTITY_TYPES as readonly string[]).includes(k)),
  ];
  return {
    perType: order.filter((t) => tallies.has(t)).map((t) => finish(t, tallies.get(t)!)),
    overall: finish('ALL', total),
    entityLeakRate: total.gold === 0 ? 0 : (total.gold - total.caught) / total.gold,
    messageLeakRate: messages.length === 0 ? 0 : leakyMessages / messages.length,
    messages: messages.length,
    leaks,
    falsePositives,
  };
}

/** A fixed-width text table of a score, for the CLI and the bench. */
export function formatScore(s: Score): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(6);
  const lines = ['type               gold  recall  pred  precision     F2'];
  for (const t of [...s.perType, s.overall]) {
    lines.push(
      `${t.type.padEnd(16)} ${String(t.gold).padStart(6)} ${pct(t.recall)} ${String(t.predicted).padStart(5)} ${pct(t.precision)}    ${pct(t.f2)}`,
    );
  }
  lines.push(
    `leak rate: ${pct(s.entityLeakRate)}% of entities, ${pct(s.messageLeakRate)}% of messages (${s.messages} messages)`,
  );
  return lines.join('\n');
}

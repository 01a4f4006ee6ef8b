import { detect } from '../engine/detect';
import type { NameHalf } from '../gazetteers/name-holdout';
import { namePools, type NamePools } from './generator';
import { pick, seeded, type Rand } from './generator-values';
import { NEWS_FOLLOW_UPS, NEWS_OPENINGS, SNIPPETS } from './news-templates';
import { score, type GoldMessage, type Score, type Span } from './score';
import { withNamesHeldOut } from './leave-names-out';

interface Person {
  first: string;
  last: string;
}

/** Fills `{X}` slots, recording the span of each; `honorific` parts before a slot are no name. */
function render(template: string, values: Record<string, string>): { text: string; spans: Span[] } {
  let text = '';
  const spans: Span[] = [];
  for (const part of template.split(/(\{[A-Z0-9]+\})/)) {
    const slot = /^\{([A-Z0-9]+)\}$/.exec(part)?.[1];
    if (!slot) {
      text += part;
      continue;
    }
    const value = values[slot];
    // Adjacent slots of one name ("{I}. {L}") are one span.
    const prev = spans[spans.length - 1];
    if (prev && /^[ .]*$/.test(text.slice(prev.end)) && text.length - prev.end <= 2)
      prev.end = text.length + value.length;
    else spans.push({ type: 'PERSON', start: text.length, end: text.length + value.length });
    text += value;
  }
  return { text, spans };
}

const person = (r: Rand, pools: NamePools): Person => ({
  first: pick(r, pools.first),
  last: pick(r, pools.last),
});

/** News-style sentences about people whose names come from `half`; a third repeat the surname alone. */
export function generateNews(
  count: number,
  half: NameHalf,
  seed: number,
): Array<GoldMessage & { lang: 'nl' | 'en' }> {
  const r = seeded(seed);
  const pools = namePools(half);
  const out: Array<GoldMessage & { lang: 'nl' | 'en' }> = [];
  for (let n = 0; n < count; n++) {
    const lang = r() < 0.7 ? 'nl' : 'en';
    const a = person(r, pools);
    const b = person(r, pools);
    let template = pick(r, NEWS_OPENINGS[lang]);
    if (r() < 0.6) template += ' ' + pick(r, NEWS_FOLLOW_UPS[lang]);
    const { text, spans } = render(template, {
      N: `${a.first} ${a.last}`,
      L: a.last,
      N2: `${b.first} ${b.last}`,
      L2: b.last,
    });
    out.push({ id: `news-${n}`, lang, text, entities: spans });
  }
  return out;
}

/** Whole messages that are only a name, in the cases people type them. */
export function generateSnippets(count: number, half: NameHalf, seed: number): GoldMessage[] {
  const r = seeded(seed);
  const pools = namePools(half);
  const out: GoldMessage[] = [];
  for (let n = 0; n < count; n++) {
    const p = person(r, pools);
    const q = person(r, pools);
    const { text, spans } = render(pick(r, SNIPPETS), {
      F: p.first,
      L: p.last,
      I: p.first[0].toUpperCase(),
      J: q.first[0].toUpperCase(),
    });
    const casing = r();
    const cased = casing < 0.15 ? text.toLowerCase() : casing < 0.25 ? text.toUpperCase() : text;
    // Case changes must keep offsets ("İ" lower-cases to two characters).
    out.push({ id: `snippet-${n}`, text: cased.length === text.length ? cased : text, entities: spans });
  }
  return out;
}

export interface NewsEvaluation {
  score: Score;
  /** Words outside any name that were redacted, over all words outside names. */
  overRedaction: number;
  overRedacted: string[];
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

function evaluate(messages: ReadonlyArray<GoldMessage & { lang?: 'nl' | 'en' }>): NewsEvaluation {
  const predictions = new Map<string, Span[]>();
  let other = 0;
  const overRedacted: string[] = [];
  for (const m of messages) {
    const found = detect(m.text, { lang: m.lang ?? null }).entities;
    predictions.set(m.id, found);
    for (const w of m.text.matchAll(WORD)) {
      const start = w.index;
      const end = start + w[0].length;
      if (m.entities.some((g) => g.start < end && start < g.end)) continue;
      other++;
      if (found.some((s) => s.start < end && start < s.end)) overRedacted.push(`${m.id} ${w[0]}`);
    }
  }
  return {
    score: score(messages, predictions),
    overRedaction: other ? overRedacted.length / other : 0,
    overRedacted,
  };
}

/** News sentences and name-only snippets with names the engine was built without (half 1). */
export function evaluateNewsAndSnippets(
  count = 400,
  seed = 7,
): { news: NewsEvaluation; snippets: NewsEvaluation } {
  return withNamesHeldOut(() => ({
    news: evaluate(generateNews(count, 1, seed)),
    snippets: evaluate(generateSnippets(count, 1, seed)),
  }));
}

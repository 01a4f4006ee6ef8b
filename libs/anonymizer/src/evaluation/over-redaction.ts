import { detect } from '../engine/detect';
import { NAME_FREE } from './name-free.messages';

export interface OverRedaction {
  sentences: number;
  words: number;
  /** Words (runs of letters or digits) inside a found span, over all words. */
  redactedWords: number;
  rate: number;
  /** Capitalised words not at a sentence start: the ones a name detector is tempted by. */
  capitalisedWords: number;
  redactedCapitalised: number;
  capitalisedRate: number;
  /** Sentences with at least one found span. */
  sentencesHit: number;
  hits: Array<{ id: string; type: string; text: string }>;
}

const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;

/**
 * Over-redaction on text that holds no personal data (`name-free.messages.ts`): every span the
 * engine reports there is wrong, so the share of words it covers is the over-redaction rate.
 */
export function measureOverRedaction(lines: readonly string[] = NAME_FREE): OverRedaction {
  const r: OverRedaction = {
    sentences: lines.length,
    words: 0,
    redactedWords: 0,
    rate: 0,
    capitalisedWords: 0,
    redactedCapitalised: 0,
    capitalisedRate: 0,
    sentencesHit: 0,
    hits: [],
  };
  lines.forEach((line, i) => {
    const bar = line.indexOf('|');
    const lang = line.slice(0, bar) === 'en' ? 'en' : 'nl';
    const text = line.slice(bar + 1);
    const spans = detect(text, { lang }).entities;
    if (spans.length) r.sentencesHit++;
    for (const s of spans)
      r.hits.push({ id: `free-${i + 1}`, type: s.type, text: text.slice(s.start, s.end) });
    let first = true;
    for (const m of text.matchAll(WORD)) {
      const start = m.index;
      const end = start + m[0].length;
      const hit = spans.some((s) => s.start < end && start < s.end);
      const capitalised = !first && /^\p{Lu}/u.test(m[0]);
      first = false;
      r.words++;
      if (hit) r.redactedWords++;
      if (capitalised) {
        r.capitalisedWords++;
        if (hit) r.redactedCapitalised++;
      }
    }
  });
  r.rate = r.words ? r.redactedWords / r.words : 0;
  r.capitalisedRate = r.capitalisedWords ? r.redactedCapitalised / r.capitalisedWords : 0;
  return r;
}

export function formatOverRedaction(r: OverRedaction): string {
  const pct = (x: number): string => (x * 100).toFixed(2);
  return [
    `name-free sentences: ${r.sentences}, with any span: ${r.sentencesHit}`,
    `over-redaction: ${r.redactedWords}/${r.words} words = ${pct(r.rate)}%` +
      `; capitalised words inside a sentence: ${r.redactedCapitalised}/${r.capitalisedWords} = ${pct(r.capitalisedRate)}%`,
  ].join('\n');
}

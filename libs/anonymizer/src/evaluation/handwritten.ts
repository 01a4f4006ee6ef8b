import type { CorpusMessage } from './corpus';
import { HANDWRITTEN_SECOND } from './handwritten-second.messages';
import { HANDWRITTEN } from './handwritten.messages';
import type { Span } from './score';

const MARK = /\[\[(?:([A-Z_]+):)?([^\]]+)\]\]/g;

/** Turns one marked-up line ("nl|Hoi, ik ben [[Sanne]]") into a gold message. */
export function parseMarkedMessage(id: string, line: string): CorpusMessage {
  const bar = line.indexOf('|');
  const lang = line.slice(0, bar) as 'nl' | 'en';
  const marked = line.slice(bar + 1);
  const entities: Span[] = [];
  let text = '';
  let cursor = 0;
  for (const m of marked.matchAll(MARK)) {
    text += marked.slice(cursor, m.index);
    entities.push({ type: m[1] ?? 'PERSON', start: text.length, end: text.length + m[2].length });
    text += m[2];
    cursor = m.index + m[0].length;
  }
  text += marked.slice(cursor);
  return { id, lang, text, entities };
}

/** The hand-written check set as gold messages. */
export function handwrittenCorpus(): CorpusMessage[] {
  return HANDWRITTEN.map((line, i) => parseMarkedMessage(`hand-${String(i + 1).padStart(3, '0')}`, line));
}

/** The second hand-written set, written before the issue 11 §2 changes and not tuned to. */
export function handwrittenSecondCorpus(): CorpusMessage[] {
  return HANDWRITTEN_SECOND.map((line, i) =>
    parseMarkedMessage(`hand2-${String(i + 1).padStart(3, '0')}`, line),
  );
}

import { readFileSync } from 'node:fs';
import type { GoldMessage } from './score';

export interface CorpusMessage extends GoldMessage {
  lang?: 'nl' | 'en' | 'mixed' | null;
  special?: string[];
}

/** Reads an annotated JSON-lines corpus (the format of shared/corpus/dev.jsonl). */
export function readCorpus(path: string): CorpusMessage[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as CorpusMessage);
}

import { createInterface } from 'node:readline';
import { anonymize } from '../engine/anonymize';
import type { Language } from '../types';

/**
 * `npm run -s anonymize -- --jsonl`: one JSON object per input line
 * (`{ id, text, lang }`), one result per output line in the same order. Each line is its own
 * conversation (fresh vault). A bad line yields `{ "error": … }` and processing goes on.
 */
async function main(): Promise<void> {
  if (!process.argv.includes('--jsonl')) {
    process.stderr.write('usage: anonymize --jsonl < input.jsonl > output.jsonl\n');
    process.exit(2);
  }
  const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of rl) {
    if (!line.trim()) continue;
    let out: string;
    try {
      const input = JSON.parse(line) as { id?: unknown; text?: unknown; lang?: unknown };
      if (typeof input !== 'object' || input === null || typeof input.text !== 'string') {
        throw new Error('expected an object with a string "text"');
      }
      const lang: Language = input.lang === 'nl' || input.lang === 'en' ? input.lang : null;
      const result = anonymize(input.text, { lang });
      out = JSON.stringify({
        id: input.id ?? null,
        text: result.text,
        entities: result.entities.map(({ type, start, end }) => ({ type, start, end })),
        special: result.special,
        // Only present when the time budget ran out: then `text` is a placeholder (fail closed).
        ...(result.withheld ? { withheld: true } : {}),
      });
    } catch (err) {
      out = JSON.stringify({ error: err instanceof Error ? err.message : String(err) });
    }
    if (!process.stdout.write(out + '\n'))
      await new Promise((resolve) => process.stdout.once('drain', resolve));
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`anonymize: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

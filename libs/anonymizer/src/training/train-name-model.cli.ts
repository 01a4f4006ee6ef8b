import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { trainFromSources } from '../name-model/training-data';

/**
 * Usage: npm run train:anonymizer. Trains the name-likeness model on every name source and
 * writes libs/anonymizer/src/name-model/name-model.weights.json (committed; deterministic output).
 */
function main(): void {
  const started = Date.now();
  const model = trainFromSources();
  const out = resolve(__dirname, '../../../../../libs/anonymizer/src/name-model/name-model.weights.json');
  writeFileSync(out, JSON.stringify(model) + '\n');
  process.stdout.write(`wrote ${out} (${model.buckets} buckets) in ${Date.now() - started} ms\n`);
}

main();

import { detect } from '../engine/detect';
import { readCorpus, type CorpusMessage } from '../evaluation/corpus';
import { handwrittenCorpus, handwrittenSecondCorpus } from '../evaluation/handwritten';
import { formatOverRedaction, measureOverRedaction } from '../evaluation/over-redaction';
import { evaluateLeaveNamesOut } from '../evaluation/leave-names-out';
import { evaluateEnglishSynthetic } from '../evaluation/english-synthetic';
import { evaluateNewsAndSnippets } from '../evaluation/news-snippets';
import { formatScore, score, type Score, type Span } from '../evaluation/score';

/**
 * Usage: npm run eval:anonymizer -- <corpus.jsonl> [--errors]
 *        npm run eval:anonymizer -- --leave-names-out [--count=1000] [--errors]
 *        npm run eval:anonymizer -- --handwritten | --handwritten-second [--errors]
 *        npm run eval:anonymizer -- --name-free [--errors]
 *        npm run eval:anonymizer -- --english-synthetic [--count=500] [--seed=11] [--errors]
 *        npm run eval:anonymizer -- --news | --snippets [--seed=7] [--errors]
 */
function main(): void {
  const args = process.argv.slice(2);
  const errors = args.includes('--errors');
  const option = (name: string, fallback: number): number =>
    Number(args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback);
  if (args.includes('--leave-names-out')) {
    const count = option('count', 1000);
    const { seen, unseen } = evaluateLeaveNamesOut(count, option('seed', 7));
    process.stdout.write(`generated messages, names the build knows (half 0):\n${formatScore(seen)}\n\n`);
    process.stdout.write(
      `generated messages, names left out of lists and model (half 1):\n${formatScore(unseen)}\n`,
    );
    if (errors) printErrors(unseen);
    return;
  }
  if (args.includes('--english-synthetic')) {
    const count = option('count', 500);
    const seed = option('seed', 11);
    const s = evaluateEnglishSynthetic(count, seed);
    process.stdout.write(`English synthetic sentences, held-out names:\n${formatScore(s)}\n`);
    if (errors) printErrors(s);
    return;
  }
  if (args.includes('--news') || args.includes('--snippets')) {
    const result = evaluateNewsAndSnippets(400, option('seed', 7));
    const r = args.includes('--news') ? result.news : result.snippets;
    process.stdout.write(formatScore(r.score) + '\n');
    process.stdout.write(`over-redaction of other words: ${(r.overRedaction * 100).toFixed(2)}%\n`);
    if (errors) {
      printErrors(r.score);
      for (const w of r.overRedacted) process.stdout.write(`OVER ${w}\n`);
    }
    return;
  }
  if (args.includes('--name-free')) {
    const r = measureOverRedaction();
    process.stdout.write(formatOverRedaction(r) + '\n');
    if (errors)
      for (const h of r.hits) process.stdout.write(`FP   ${h.id} ${h.type} ${JSON.stringify(h.text)}\n`);
    return;
  }
  const second = args.includes('--handwritten-second');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file && !second && !args.includes('--handwritten')) {
    process.stderr.write(
      'usage: eval:anonymizer -- <corpus.jsonl> | --handwritten | --handwritten-second | --name-free | --news | --snippets | --english-synthetic | --leave-names-out [--count=N] [--seed=N] [--errors]\n',
    );
    process.exit(2);
  }
  const corpus: CorpusMessage[] = file
    ? readCorpus(file)
    : second
      ? handwrittenSecondCorpus()
      : handwrittenCorpus();
  const predictions = new Map<string, Span[]>();
  let specialHits = 0;
  let specialGold = 0;
  let specialPredicted = 0;
  for (const m of corpus) {
    const lang = m.lang === 'nl' || m.lang === 'en' ? m.lang : null;
    const result = detect(m.text, { lang });
    predictions.set(m.id, result.entities);
    const gold = new Set(m.special ?? []);
    specialGold += gold.size;
    specialPredicted += result.special.length;
    specialHits += result.special.filter((s) => gold.has(s)).length;
  }
  const s = score(corpus, predictions);
  process.stdout.write(formatScore(s) + '\n');
  if (specialGold > 0)
    process.stdout.write(
      `special categories: recall ${specialGold ? ((specialHits / specialGold) * 100).toFixed(1) : '-'}%, precision ${specialPredicted ? ((specialHits / specialPredicted) * 100).toFixed(1) : '-'}%\n`,
    );
  if (errors) printErrors(s);
}

function printErrors(s: Score): void {
  for (const l of s.leaks) process.stdout.write(`LEAK ${l.id} ${l.type} ${JSON.stringify(l.text)}\n`);
  for (const f of s.falsePositives)
    process.stdout.write(`FP   ${f.id} ${f.type} ${JSON.stringify(f.text)}\n`);
}

main();

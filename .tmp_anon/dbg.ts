import { tokenize } from '../libs/anonymizer/src/text/tokens';
import { nameGazetteer } from '../libs/anonymizer/src/gazetteers/names.gazetteer';
import { lexicon } from '../libs/anonymizer/src/gazetteers/lexicon.gazetteer';
import { cueBefore } from '../libs/anonymizer/src/detectors/person.cues';
import { detect } from '../libs/anonymizer/src/engine/detect';
const text = process.argv[2];
const g = nameGazetteer(); const l = lexicon();
for (const t of tokenize(text)) {
  const k = t.key;
  console.log(t.text.padEnd(16), t.initial ? 'INIT' : '    ', 'F', +g.firstNames.has(k), 'L', +g.surnames.has(k), 'C', +l.common.has(k), 'Fr', +l.frequent.has(k), 'P', +g.places.has(k), 'cue', cueBefore(text.slice(Math.max(0, t.start - 48), t.start).toLowerCase()));
}
const r = detect(text);
console.log(r.entities.map((e) => `${e.type}:${text.slice(e.start, e.end)}`));

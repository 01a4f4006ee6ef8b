import { nameGazetteer } from '../libs/anonymizer/src/gazetteers/names.gazetteer';
import { lexicon } from '../libs/anonymizer/src/gazetteers/lexicon.gazetteer';
const t = Date.now();
const g = nameGazetteer(); const l = lexicon();
console.log('ms', Date.now() - t, 'rss', process.memoryUsage().rss / 1e6, g.firstNames.size, g.surnames.size, g.places.size, l.common.size, l.frequent.size);
const ws = process.argv.slice(2);
for (const w of ws) console.log(w, 'F', g.firstNames.has(w), 'L', g.surnames.has(w), 'P', g.places.has(w), 'C', l.common.has(w), 'Fr', l.frequent.has(w));

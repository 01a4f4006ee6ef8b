const { detectPersons } = require('../dist/libs/anonymizer/src/detectors/person.detector.js');
const { tokenize } = require('../dist/libs/anonymizer/src/text/tokens.js');
const { detect } = require('../dist/libs/anonymizer/src/engine/detect.js');
const fs = require('fs');
const msgs = fs.readFileSync('/work/shared/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
detect('x');
for (const [name, fn] of [['tokenize', (m) => tokenize(m)], ['persons', (m) => detectPersons({ text: m, taken: [] })], ['detect', (m) => detect(m)]]) {
  const t = process.hrtime.bigint();
  for (let r = 0; r < 5; r++) for (const m of msgs) fn(m);
  console.log(name, 'us/msg', (Number(process.hrtime.bigint() - t) / 1000 / (5 * msgs.length)).toFixed(1));
}

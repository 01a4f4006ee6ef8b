const { detectPersons } = require('../dist/libs/anonymizer/src/detectors/person.detector.js');
const fs = require('fs');
const msgs = fs.readFileSync('/work/shared/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
detectPersons({ text: 'x', taken: [] });
for (let r = 0; r < 20; r++) for (const m of msgs) detectPersons({ text: m, taken: [] });

const { detect } = require('../dist/libs/anonymizer/src/index.js');
const fs = require('fs');
const msgs = fs.readFileSync('/work/shared/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
for (const m of msgs) detect(m);
const t = process.hrtime.bigint();
for (let r = 0; r < 60; r++) for (const m of msgs) detect(m);
console.error('steady us/msg', (Number(process.hrtime.bigint() - t) / 1000 / (60 * msgs.length)).toFixed(1));

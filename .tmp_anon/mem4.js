const r = (l) => console.log(l, 'rss', (process.memoryUsage().rss/1e6).toFixed(0), 'maxRSS', (process.resourceUsage().maxRSS/1e3).toFixed(0), 'heap', (process.memoryUsage().heapUsed/1e6).toFixed(0));
const { detect } = require('../dist/libs/anonymizer/src/index.js');
detect('Hoi ik ben Sanne'); r('loaded');
global.gc(); r('gc');
const fs = require('fs');
const msgs = fs.readFileSync('/work/shared/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
for (let i = 0; i < 20; i++) for (const m of msgs) detect(m);
r('after 3600');

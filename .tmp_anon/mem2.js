const m = () => { global.gc(); const u = process.memoryUsage(); return `rss ${(u.rss/1e6).toFixed(0)} heap ${(u.heapUsed/1e6).toFixed(0)}`; };
const t=Date.now(); const { detect } = require('../dist/libs/anonymizer/src/index.js'); detect('Hoi ik ben Sanne'); console.log('load', Date.now()-t, m());

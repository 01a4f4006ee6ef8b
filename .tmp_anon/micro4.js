const fs = require('fs');
const msgs = fs.readFileSync('/work/shared/corpus/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
const dir = '../dist/libs/anonymizer/src/detectors/';
const ds = { address: 'detectAddresses', bsn: 'detectBsns', 'credit-card': 'detectCreditCards', 'date-of-birth': 'detectDatesOfBirth', email: 'detectEmails', handle: 'detectHandles', iban: 'detectIbans', 'id-number': 'detectIdNumbers', ip: 'detectIpAddresses', phone: 'detectPhones', postcode: 'detectPostcodes', 'student-number': 'detectStudentNumbers', url: 'detectUrls' };
require('../dist/libs/anonymizer/src/engine/detect.js').detect('x');
for (const [f, fn] of Object.entries(ds)) {
  const d = require(dir + f + '.detector.js')[fn];
  const t = process.hrtime.bigint();
  for (let r = 0; r < 5; r++) for (const m of msgs) d({ text: m, options: {} });
  console.log(f.padEnd(16), 'us/msg', (Number(process.hrtime.bigint() - t) / 1000 / (5 * msgs.length)).toFixed(1));
}
const { detectSpecialCategories } = require(dir + 'special-category.detector.js');
let t = process.hrtime.bigint();
for (let r = 0; r < 5; r++) for (const m of msgs) detectSpecialCategories(m);
console.log('special us/msg', (Number(process.hrtime.bigint() - t) / 1000 / (5 * msgs.length)).toFixed(1));

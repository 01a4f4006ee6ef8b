const m = () => { global.gc(); const u = process.memoryUsage(); return `rss ${(u.rss/1e6).toFixed(0)} heap ${(u.heapUsed/1e6).toFixed(0)}`; };
console.log('base', m());
require('@faker-js/faker'); console.log('faker', m());
require('an-array-of-english-words'); console.log('enwords', m());
require('@zxcvbn-ts/language-en'); require('@zxcvbn-ts/language-nl-be'); console.log('zxcvbn', m());
require('libphonenumber-js/max'); console.log('libphone', m());
const { openTaal } = require('../dist/libs/anonymizer/src/gazetteers/opentaal.gazetteer.js'); openTaal(); console.log('opentaal', m());
const { nameGazetteer } = require('../dist/libs/anonymizer/src/gazetteers/names.gazetteer.js'); nameGazetteer(); console.log('names', m());
const { lexicon } = require('../dist/libs/anonymizer/src/gazetteers/lexicon.gazetteer.js'); lexicon(); console.log('lexicon', m());

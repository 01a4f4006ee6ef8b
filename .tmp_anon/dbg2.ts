import { detectPersons } from '../libs/anonymizer/src/detectors/person.detector';
const text = process.argv[2];
console.log(detectPersons({ text, taken: [] }).map((c) => text.slice(c.start, c.end)));

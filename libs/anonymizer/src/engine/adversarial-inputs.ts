/**
 * Texts shaped to make a backtracking or pairwise algorithm quadratic: runs that a pattern can
 * restart inside, thousands of candidates to settle, long words, chains of initials and cues.
 * Shared by the linear-time test and the anonymizer benchmark.
 */
export const ADVERSARIAL_SHAPES: Record<string, string> = {
  handles: '@a ',
  'handle-digits': '1 @',
  'handle-symbols': '@_?',
  'email-local-run': 'a.',
  'email-at-chain': 'a@',
  initials: 'J. ',
  'long-word': 'nl',
  'phone-groups': '06 ',
  'phone-international': '(0061 ',
  'digit-runs': '1234567 ',
  dates: '12-05-2006 ',
  'short-urls': 'a.nl ',
  'url-scheme': 'http://a',
  'address-cue-spaces': 'adres ',
  'capitalised-pairs': 'Aa ',
  'first-names': 'Jan ',
  'signature-lines': 'Jan de Vries\n',
  particles: 'van ',
  'dots-and-accents': '\né.',
  ipv6: '1:a:',
  slashes: 'a/',
};

/** An ordinary webcare message, for the "within 3× of ordinary text" comparison. */
export const ORDINARY_MESSAGE =
  'Hoi, ik ben Sanne de Vries en ik wil graag weten of ik met mijn mbo-diploma kan starten in september. ' +
  'Bel me gerust op 06-12345678 of mail naar sanne.devries@example.nl. Groetjes! ' +
  'Hi, my name is Priya Sharma, could you tell me when the open day is for the master programme? ';

/** `unit` repeated (and cut) to exactly `length` characters. */
export function repeatTo(unit: string, length: number): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

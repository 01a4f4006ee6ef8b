/**
 * Phrases that announce a person's name, matched against the text just before a candidate
 * (lower-cased). Each kind says how much the next word may look like an ordinary word.
 */
export type CueKind =
  /** "ik ben", "i'm": a lower-case word after it is often not a name ("ik ben bang"). */
  | 'intro'
  /** "mijn naam is", "naam:", "it's", "groetjes", "mijn dochter": the next name-like word is a name. */
  | 'strong'
  /** "meneer", "Dear Ms", "dhr.": a surname may follow on its own, particles included. */
  | 'honorific';

const SP = "[\\s,:;.!—–-]*";

const CUES: Array<[CueKind, RegExp]> = [
  ['honorific', /(?:^|[^\p{L}])(?:mevrouw|mevr\.?|meneer|mnr\.?|dhr\.?|de heer|mr\.?|mrs\.?|ms\.?|miss|mister|madam|dr\.?|prof\.?|drs\.?|ir\.?|fam\.?|familie|juf|juffrouw|meester|professor|doctor|coach)\s+$/u],
  [
    'strong',
    new RegExp(
      "(?:^|[^\\p{L}])(?:mijn naam is|mijn naam|my name is|my name's|naam|name|named|heet|called|it'?s|its|dit is|this is|hier is|namens|t\\.?\\s?n\\.?\\s?v\\.?|in the name of|op naam van|name on card|on behalf of|ondertekend|signed)" + SP + '$',
      'u',
    ),
  ],
  ['intro', new RegExp("(?:^|[^\\p{L}])(?:ik ben|ben ik|i'?m|i am|ik heet|je spreekt met|u spreekt met|you'?re talking to)" + SP + '$', 'u')],
  [
    'strong',
    new RegExp(
      '(?:^|[\\n.!?>]\\s*|^\\W*)(?:hoi hoi|hoi|hi|hii+|hey|heey|hee|heej|hallo|hello|hello again|dag|beste|lieve|liebe|dear|goedemorgen|goedemiddag|goedenavond|goedendag|goeiedag|goeiemiddag|goeiemorgen|good morning|good afternoon|good evening|morning|yo|ey|hej|ciao|salut|bonjour|hola)' +
        '[\\s,]*' +
        '$',
      'u',
    ),
  ],
  [
    'strong',
    new RegExp(
      '(?:^|[^\\p{L}])(?:dank je wel|dank je|dank u|dankjewel|dankuwel|thanks|thank you|thx|bedankt|merci|dank aan|shoutout to|shout out to|complimenten voor|replying to|reply to|antwoord aan|cc|vraag voor|groetjes aan|say hi to|zeg tegen|vraag aan|ask)' +
        SP +
        '$',
      'u',
    ),
  ],
  [
    'strong',
    new RegExp(
      '(?:^|[^\\p{L}])(?:groetjes|groeten(?: van)?|groet|gr|grt|mvg|m\\.v\\.g|met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?|met groet|kind regards|best regards|warm regards|warmest regards|kindest regards|regards|best wishes|all the best|best|cheers|sincerely|yours sincerely|yours|alvast bedankt|alvast dank|dank|xx+|liefs|love|doei|tot ziens|ciao)' +
        SP +
        '$',
      'u',
    ),
  ],
  ['strong', /(?:^|\n|\s)[-—–]\s*$/u],
  [
    'strong',
    new RegExp(
      '(?:^|[^\\p{L}])(?:mijn|onze|m\'n|my|our|je|jouw|your|his|her|zijn|haar|de|the|een|a)\\s+(?:zoon|zoontje|dochter|dochtertje|kind|broer|broertje|zus|zusje|zuster|vriend|vriendin|vriendje|vriendinnetje|buddy|maat|neef|nicht|oom|tante|moeder|vader|mama|papa|man|vrouw|partner|klasgenoot|klasgenote|huisgenoot|huisgenote|roommate|son|daughter|kid|child|brother|sister|friend|bestie|girlfriend|boyfriend|niece|nephew|cousin|mother|father|mom|mum|dad|husband|wife|classmate|flatmate|housemate|mentor|leerling|pupil|student|collega|colleague|teamgenoot|teammate|begeleider|supervisor|contactpersoon|contact person)' +
        SP +
        '$',
      'u',
    ),
  ],
  ['strong', /(?:^|[^\p{L}])(?:moeder|vader|oma|opa|ouder|ouders|mama|papa|mother|father|mom|dad|parent|parents|grandmother|grandfather|grandma|grandpa|tante|oom|voogd|guardian|aunt|uncle)\s+(?:van|of)\s+$/u],
];

/** The strongest cue that ends right before a candidate, given the lower-cased preceding text. */
export function cueBefore(precedingLower: string): CueKind | undefined {
  let found: CueKind | undefined;
  for (const [kind, re] of CUES) {
    if (!re.test(precedingLower)) continue;
    if (kind === 'honorific') return kind;
    if (kind === 'strong' || !found) found = kind;
  }
  return found;
}

/** Words after a message-initial name that show it is addressed ("Fleur kijk", "Mark did you …"). */
export const VOCATIVE_NEXT: ReadonlySet<string> = new Set(
  `jij je jullie kijk kijkt weet wist waar ga gaan heb hebt moet moest kom komt zie zag kun kan wil wilt ben bent was had zou zullen
  did do does have are were you we look check come see wanna should could would lets let's hoe wat wanneer waarom`.split(/\s+/),
);

/** For words that are mostly ordinary words ("Storm", "Mark"), only a second-person follow-up counts. */
export const VOCATIVE_PRONOUN: ReadonlySet<string> = new Set('jij je jullie you did do does have are were kijk look'.split(' '));

/** Modal or auxiliary words that a vocative test must not take for a name ("Will you …"). */
export const AUXILIARY: ReadonlySet<string> = new Set(
  'will may can should would could shall must might do did does are is have has was were'.split(' '),
);

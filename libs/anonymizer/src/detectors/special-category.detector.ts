import type { SpecialCategory } from '../types';

/**
 * Keyword stems (Dutch and English) per GDPR special category. Matching is done on the text with
 * person names blanked out, so a surname such as "Islam" does not flag religion.
 */
const PATTERNS: Array<[SpecialCategory, RegExp]> = [
  [
    'HEALTH',
    /\b(?:dyslex\w*|adhd|autis\w*|ass\b|diabet\w*|insuline\w*|insulin\w*|epileps\w*|epilepti\w*|zwanger\w*|pregnan\w*|depressi\w*|burn-?out|angststoornis\w*|anxiety|paniekaanval\w*|panic attacks?|ptss|ptsd|me\/cvs|cvs\b|chronisch\w*|chronic\w*|ziekte\w*|ziek\b|illness\w*|disease|beperking\w*|handicap\w*|gehandicapt|disabilit\w*|disabled|rolstoel\w*|wheelchair\w*|slechthorend\w*|doof|dove\b|deaf\w*|hard of hearing|hearing aids?|gehoorapparaat\w*|blind\w*|slechtziend\w*|visually impaired|kanker|cancer|chemo\w*|therapie|therapy|medicatie|medication|medicijn\w*|psychiat\w*|psycholoog|psychologist|eetstoornis|eating disorder|anorexia|boulimia|migraine|astma|asthma|allergi\w*|kruisband|blessure|injur\w*|geopereerd|operatie|surgery|hiv|aids\b|mental health|mentale gezondheid|psychisch\w*|overspannen|suïcid\w*|suicid\w*|gescheurde|hartaandoening|heart condition|dyscalculie|dyscalculia|gilles de la tourette|tourette|syndroom|syndrome|stoornis|disorder)\b/,
  ],
  [
    'RELIGION',
    /\b(?:hoofddoek\w*|headscarf|hijab|niqaab|niqab|bidden|gebed\w*|pray\w*|moskee|mosque|kerk|church|christen\w*|christian\w*|moslim\w*|muslim\w*|islam\w*|joods|jewish|jood|synagoge|synagogue|hindoe\w*|hindu\w*|boeddhis\w*|buddhis\w*|ramadan|vasten|fasting|halal|kosher|koosjer|sabbat\w*|sabbath|gelovig\w*|religie\w*|religion\w*|religious|geloofsovertuiging|faith|sikh\w*|tulband|turban)\b/,
  ],
  [
    'ETHNICITY',
    /\b(?:\w+-(?:nederlands|nederlandse|nederlander|dutch)|black (?:woman|man|student|girl|guy|people|person)|zwarte (?:vrouw|man|student)|afro-?\w*|etnisch\w*|ethnic\w*|etniciteit|ethnicity|racis\w*|discriminatie|discrimination|migratieachtergrond|migrant background|allochto\w*|huidskleur|skin colou?r|afkomst|roma\b|sinti)\b/,
  ],
  [
    'SEXUAL_ORIENTATION',
    /\b(?:lesbisch\w*|lesbian\w*|lesbienne|homo\b|homoseksu\w*|homofiel\w*|gay|biseksu\w*|bisexual\w*|queer|lhbt\w*|lgbt\w*|panseksu\w*|pansexual|aseksu\w*|asexual|seksuele geaardheid|sexual orientation|coming[- ]out|uit de kast)\b/,
  ],
  [
    'POLITICS',
    /\b(?:politieke partij\w*|political part(?:y|ies)|partijlid|party member|gemeenteraad\w*|city council|jongerenorganisatie|extinction rebellion|activist\w*|demonstrati\w*|demonstration\w*|protest\w*|vakbond\w*|trade union|labou?r union|politiek\w* (?:actief|voorkeur|overtuiging)|political (?:views|opinion|beliefs))\b/,
  ],
  [
    'CRIMINAL',
    /\b(?:taakstraf\w*|veroordeel\w*|veroordeling\w*|convicted|conviction|strafblad|criminal record|gevangenis|prison|jail|gedetineerd|detentie|arrest\w*|gearresteerd|opgepakt|aangehouden|delict\w*|misdrijf|misdrijven|crime|offence|offense|strafzaak|justitie|reclassering|probation|enkelband|celstraf|boete van justitie|rijden onder invloed|drunk driving|vechtpartij|mishandeling|assault|diefstal|theft|fraude|fraud)\b/,
  ],
];

/** The special categories a message touches, in the contract's order. */
export function detectSpecialCategories(text: string): SpecialCategory[] {
  const found: SpecialCategory[] = [];
  // Lower-casing once is much cheaper than case-insensitive matching six times.
  const lower = text.toLowerCase();
  for (const [category, re] of PATTERNS) if (re.test(lower)) found.push(category);
  return found;
}

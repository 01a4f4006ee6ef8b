import { isInstitutionAddress } from '../institution/institution';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const CAP = "\\p{Lu}[\\p{L}'\\-]*";
const PARTICLE = "(?:van|de|der|den|het|'t|ter|ten|in|op|aan|bij|la|le|del|di|da)";
/** Dutch, Flemish and German street-name endings ("Vondellaan", "Kortrijksesteenweg", "Hauptstraße"). */
const SUFFIX =
  '(?:straat|laan|weg|plein|gracht|kade|singel|dijk|dreef|hof|park|pad|steeg|baan|steenweg|ring|markt|wal|' +
  'boulevard|allee|plantsoen|veld|erf|hoven|burg|haven|kwartier|oord|zijde|dam|vaart|gaarde|berg|straße|strasse|gasse|platz|damm)';
/** House number with the usual additions: 47b, 12 A, 9-II, 112-3, 14 hs, 3 bis. */
const NUMBER =
  '\\d{1,5}(?:[a-zA-Z]{1,2}\\b|[ \\t][A-Z]\\b|[ \\t]?-[ \\t]?(?:[IVX]{1,4}|\\d{1,3}|[a-zA-Z]{1,3})\\b|[ \\t](?:hs|bis|huis|boven|rood)\\b)?';

// A street name never runs across a line break (a signature's name line sits right above it).
const DUTCH = new RegExp(
  `(?<![\\p{L}])(?:${CAP}[ \\t]+(?:${PARTICLE}[ \\t]+){0,2}){0,3}\\p{Lu}[\\p{L}'\\-]*${SUFFIX}[ \\t]+${NUMBER}(?![\\p{N}])`,
  'gu',
);
/** Street type first (Italian, Spanish, French, Portuguese, Polish …): "Via Garibaldi 24". */
const PREFIXED = new RegExp(
  `\\b(?:Via|Viale|Corso|Piazza|Avenida|Avenue|Av\\.|Calle|Carrer|Paseo|Rue|Boulevard|Rua|Praça|Plac|ul\\.|ulica|Aleja|Strada|Largo|Chaussée|Chemin)[ \\t]+(?:(?:${CAP}|${PARTICLE}|des|du|dos|do|della)[ \\t]+){0,4}${NUMBER}(?![\\p{N}])`,
  'gu',
);
/** English order: number first, street type last ("1425 Maple Avenue", "221B Baker St."). */
const ENGLISH = new RegExp(
  `\\b\\d{1,5}[A-Za-z]?[ \\t]+(?:${CAP}[ \\t]+){1,3}(?:(?:Street|Road|Lane|Avenue|Drive|Close|Way|Court|Place|Crescent|Terrace|Gardens|Square|Boulevard|Parkway|Highway|Circle|Trail|Row|Mews|Grove|Hill)\\b|(?:St|Rd|Ave|Blvd|Dr|Ln|Ct|Pl|Pkwy|Hwy|Ter|Sq)(?:\\.|\\b))`,
  'gu',
);
/**
 * What may follow an English street address: a unit, the town, and a US state with ZIP code
 * ("Apt 4B, Springfield, IL 62704-1234") or a UK postcode ("London SW1A 1AA").
 */
const ENGLISH_TAIL =
  /^(?:,?[ \t]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|#)[ \t]*[\w-]{1,6})?,?[ \t]+(?:\p{Lu}[\p{L}'.-]*[ \t]+){0,2}\p{Lu}[\p{L}'.-]*,?[ \t]+(?:[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?|[A-Z]{1,2}\d[A-Z\d]?[ \t]?\d[A-Z]{2})(?![\p{L}\p{N}])/u;
/** After an explicit address cue any "Name(s) 12" is a street address. */
const CUED = new RegExp(
  `(?:adres(?:\\s+is)?|address(?:\\s+is)?|woon(?:t)?\\s+(?:op|aan)|wonen\\s+(?:op|aan)|live\\s+(?:at|on)|lives\\s+(?:at|on))(?:\\s*:\\s*|\\s+)((?:${CAP}|${PARTICLE})(?:\\s+(?:${CAP}|${PARTICLE})){0,4}\\s+${NUMBER})(?![\\p{N}])`,
  'giu',
);
/** A four or five digit postcode after an address or "woon in": Belgian, German, etc. */
const POSTCODE_AFTER = /^,?\s*([1-9]\d{3,4})(?! ?[A-Z]{2}\b)\s+\p{Lu}/u; // a Dutch "7411 EX" is the postcode detector's
const POSTCODE_CUED = /\b(?:woon|woont|wonen|live|living|lives)\s+(?:in|te)\s+([1-9]\d{3,4})\s+\p{Lu}/giu;

const ZIP_PLUS_4 = /^\d{5}-\d{4}$/;
const US_STATE_BEFORE = /(?:^|[^\p{L}])[A-Z]{2}[ \t]$/u;

/** A US ZIP+4 code after a state abbreviation ("TX 05828-4998"): no phone number, no BSN. */
export function isUsZipPlus4(text: string, start: number, value: string): boolean {
  return ZIP_PLUS_4.test(value) && US_STATE_BEFORE.test(text.slice(Math.max(0, start - 4), start));
}

/** Street + house number (without the city), and foreign postcodes that follow an address. */
export function detectAddresses({ text, options }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d/.test(text)) return out;
  const seen = new Set<string>();
  const add = (start: number, end: number): void => {
    const key = `${start}:${end}`;
    if (seen.has(key)) return;
    seen.add(key);
    if (isInstitutionAddress(text.slice(start, end), options.allow)) return;
    out.push({ type: 'ADDRESS', start, end, priority: PRIORITY.pattern + 5 });
    const pc = POSTCODE_AFTER.exec(text.slice(end, end + 20));
    if (pc) {
      const s = end + pc[0].indexOf(pc[1]);
      out.push({ type: 'POSTCODE', start: s, end: s + pc[1].length, priority: PRIORITY.pattern });
    }
  };
  for (const re of [DUTCH, PREFIXED]) {
    for (const m of text.matchAll(re)) add(m.index, m.index + m[0].length);
  }
  for (const m of text.matchAll(ENGLISH)) {
    const end = m.index + m[0].length;
    add(m.index, end + (ENGLISH_TAIL.exec(text.slice(end, end + 80))?.[0].length ?? 0));
  }
  for (const m of text.matchAll(CUED)) {
    const start = m.index + m[0].length - m[1].length;
    add(start, start + m[1].length);
  }
  for (const m of text.matchAll(POSTCODE_CUED)) {
    const start = m.index + m[0].indexOf(m[1], m[0].length - m[1].length - 3);
    out.push({ type: 'POSTCODE', start, end: start + m[1].length, priority: PRIORITY.pattern });
  }
  return out;
}

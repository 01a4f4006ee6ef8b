import { isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { isInstitutionPhone } from '../institution/institution';
import { isUsZipPlus4 } from './address.detector';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

/** Digit runs with the separators people type in phone numbers (spaces, -, ., /, (0), brackets). */
const CANDIDATE = /(?<![\p{L}\p{N}@/_+.-])(?:\+|00)?\(?\d[\d \t()./-]{5,26}\d(?!\p{N})(?![.,]\d)/gu;

/** National numbers written without country code are tried in these regions, in order. */
const NATIONAL_REGIONS: CountryCode[] = ['NL', 'BE'];

/**
 * North American numbers as they are written: "(415) 555-2671", "415-555-2671", "415.555.2671",
 * "1-415-555-2671", "415/555-2671". Area codes never start with 0 or 1, so Dutch numbers cannot take this shape;
 * the separators keep bare ten-digit runs (student and case numbers) out.
 */
const NANP = /^(?:1[ .-]?)?(?:\([2-9]\d\d\) ?|[2-9]\d\d[ ./-])\d{3}[ .-]\d{4}$/;
/** Ten NANP digits in one run: only after a phone cue, as student and case numbers look the same. */
const NANP_BARE = /^1?[2-9]\d\d[2-9]\d{6}$/;

/** Phone cues right before a bare ten-digit run ("call 2125550123"): NANP numbers written without separators. */
const PHONE_CUE =
  /(?:phone|tel|mobile|cell|call|text|reach|whatsapp|fax|contact|my number)(?:[ \t](?:me|is|at|on|us))*\W{0,4}$/i;
/** An extension after a number ("ext. 204", "x12", "extension 7", "toestel 31"): part of the same span. */
const EXTENSION = /^,?[ \t]?(?:ext\.?|extension|x\.?|toestel|tst\.?)[ \t]?\d{1,5}(?!\p{N})/iu;

function validate(
  raw: string,
  senderCountry: CountryCode | undefined,
  cued: boolean,
  english: boolean,
): string | undefined {
  const digits = raw.replace(/\D/g, '');
  if (digits.length < 8 || digits.length > 15) return undefined;
  // "+31 (0)20 …", "+44 (0)161 …": the bracketed trunk zero is dropped when dialling from abroad.
  const cleaned = raw.replace(/\(0\)/g, '').replace(/^00/, '+');
  if (cleaned.startsWith('+')) {
    const n = parsePhoneNumberFromString(cleaned);
    return n && (n.isValid() || n.isPossible()) ? n.number : undefined;
  }
  if (NANP.test(raw) || (cued && NANP_BARE.test(raw))) {
    // As with Dutch 06 numbers, the written shape is enough: unassigned or fictional exchanges
    // ("555-123-4567") are still someone's number as far as privacy goes.
    const n = parsePhoneNumberFromString(raw, 'US');
    if (n?.isPossible()) return n.number;
  }
  // A national number in the sender's own country's format ("0151 2345678" from a German number).
  if (senderCountry && senderCountry !== 'NL' && senderCountry !== 'BE') {
    const n = parsePhoneNumberFromString(raw, senderCountry);
    if (n?.isValid()) return n.number;
  }
  if (!/^\(?0/.test(raw)) return undefined;
  // British national numbers have eleven digits with the trunk zero, one more than any Dutch or
  // Belgian one, so in English text they cannot be mistaken for those.
  if (english && digits.length === 11) {
    const n = parsePhoneNumberFromString(raw, 'GB');
    return n?.isValid() ? n.number : undefined;
  }
  // Dutch national numbers have ten digits, Belgian ones nine or ten: anything else cannot pass,
  // and skipping the metadata lookup keeps digit-heavy texts cheap.
  if (digits.length < 9 || digits.length > 10) return undefined;
  // "06" plus eight digits is how Dutch mobile numbers are written, assigned block or not (typos,
  // new ranges): for privacy that shape alone is enough.
  if (/^06\d{8}$/.test(digits)) return `+31${digits.slice(1)}`;
  for (const region of NATIONAL_REGIONS) {
    const n = parsePhoneNumberFromString(cleaned, region);
    if (n?.isValid()) return n.number;
  }
  return undefined;
}

function senderCountryCode(value: string | undefined): CountryCode | undefined {
  const code = value?.toUpperCase();
  return code && isSupportedCountry(code) ? code : undefined;
}

/** Phone numbers validated by libphonenumber-js: Dutch forms by default, any international form. */
export function detectPhones({ text, options }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/\d[^\d\n]{0,3}\d/.test(text)) return out;
  const country = senderCountryCode(options.senderCountry);
  const english = options.lang === 'en' || country === 'GB';
  for (const m of text.matchAll(CANDIDATE)) {
    // An opening bracket that does not close round an area code belongs to the sentence:
    // "(1-800-555-0199)", "(1 (548) 555-0199)"; "(010) 477 3812" and "(0)6 …" keep theirs.
    const open = m[0].startsWith('(') && !/^\(\d{1,4}\)/.test(m[0]) ? 1 : 0;
    let raw = m[0].slice(open);
    const start = m.index + open;
    const cued = PHONE_CUE.test(text.slice(Math.max(0, start - 24), start));
    if (isUsZipPlus4(text, start, raw)) continue;
    // A trailing group may belong to the next token ("06 1234 5678 2025"): shrink until valid.
    for (let attempt = 0; attempt < 4 && raw; attempt++) {
      const trimmed = raw.replace(/[ \t(./-]+$/, '');
      const e164 = validate(trimmed, country, cued, english);
      if (e164) {
        if (!isInstitutionPhone(e164, options.allow)) {
          let end = start + trimmed.length;
          const ext = EXTENSION.exec(text.slice(end, end + 20));
          if (ext) end += ext[0].length;
          out.push({ type: 'PHONE', start, end, priority: PRIORITY.structured });
        }
        break;
      }
      const cut = trimmed.search(/[ \t][\d()]+$/);
      if (cut <= 0) break;
      raw = trimmed.slice(0, cut);
    }
  }
  return out;
}

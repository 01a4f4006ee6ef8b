import { electronicFormatIBAN, validateIBAN, ValidationErrorsIBAN } from 'ibantools';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;

/**
 * Whether the ISO 13616 structure and mod-97 check hold. A failing national check digit (French
 * RIB key, Spanish control digits …) is a matter for the bank: the number still names an account.
 */
function ibanValid(raw: string): boolean {
  const { valid, errorCodes } = validateIBAN(electronicFormatIBAN(raw.toUpperCase()) ?? '');
  return valid || errorCodes.every((e) => e === ValidationErrorsIBAN.WrongAccountBankBranchChecksum);
}

/** IBANs of any country, accepted only when the mod-97 checksum holds (ibantools). */
export function detectIbans({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/[A-Z]{2}\d{2}/i.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    let raw = m[0];
    while (raw.length >= 15) {
      if (ibanValid(raw)) {
        out.push({ type: 'IBAN', start: m.index, end: m.index + raw.length, priority: PRIORITY.checksum });
        break;
      }
      const cut = raw.lastIndexOf(' ');
      if (cut < 0) break;
      raw = raw.slice(0, cut);
    }
  }
  return out;
}

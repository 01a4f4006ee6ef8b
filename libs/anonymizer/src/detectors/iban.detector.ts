import { electronicFormatIBAN, isValidIBAN } from 'ibantools';
import { PRIORITY, type Candidate, type DetectorContext } from './candidate';

const CANDIDATE = /\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?\b/gi;

/** IBANs of any country, accepted only when the mod-97 checksum holds (ibantools). */
export function detectIbans({ text }: DetectorContext): Candidate[] {
  const out: Candidate[] = [];
  if (!/[A-Z]{2}\d{2}/i.test(text)) return out;
  for (const m of text.matchAll(CANDIDATE)) {
    let raw = m[0];
    while (raw.length >= 15) {
      if (isValidIBAN(electronicFormatIBAN(raw.toUpperCase()) ?? '')) {
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

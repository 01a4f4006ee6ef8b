import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import ipaddr from 'ipaddr.js';
import type { EntityType } from './types';
import { fold } from './text/fold';

/** E.164 form of a phone written in any of the usual ways (NL is the default region). */
export function phoneToE164(value: string): string | undefined {
  const wa = /wa\.me\/\+?(\d{6,15})/i.exec(value);
  if (wa) return '+' + wa[1];
  const cleaned = value.replace(/\(0\)/g, '').replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, 'NL');
  return parsed?.number;
}

/**
 * The identity of a value within its type: case-, accent- and spacing-insensitive,
 * phones in E.164, IBANs and numbers without separators, IPs in canonical form.
 */
export function normalizeEntityValue(type: EntityType, value: string): string {
  switch (type) {
    case 'PHONE':
      return phoneToE164(value) ?? value.replace(/\D/g, '');
    case 'IBAN':
    case 'BSN':
    case 'CREDIT_CARD':
    case 'STUDENT_NUMBER':
    case 'ID_NUMBER':
    case 'POSTCODE':
      return value.replace(/[^\p{L}\p{N}]/gu, '').toUpperCase();
    case 'EMAIL':
    case 'HANDLE':
      return fold(value).replace(/\s/g, '');
    case 'URL':
      return fold(value)
        .replace(/^https?:\/\//, '')
        .replace(/^www\./, '')
        .replace(/\/+$/, '');
    case 'IP_ADDRESS':
      try {
        return ipaddr.parse(value).toNormalizedString();
      } catch {
        return value.toLowerCase();
      }
    case 'PERSON':
      return fold(value)
        .replace(/[^\p{L}\p{N}' ]/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim();
    default:
      return fold(value).replace(/[\s,]+/g, ' ');
  }
}

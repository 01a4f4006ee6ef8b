import { randomBytes } from 'node:crypto';

/** Lower-case letters only, so no detector mistakes it for a number, name or handle. */
export function word(n = 10): string {
  return Array.from(randomBytes(n), (b) => String.fromCharCode(97 + (b % 26))).join('');
}

/** A fresh Dutch mobile number as WhatsApp sends it (country code, no plus). */
export const phone = () => `3162${Math.floor(1e7 + Math.random() * 8e7)}`;

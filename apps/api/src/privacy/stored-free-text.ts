import { anonymize } from '@webcare/anonymizer';

/**
 * Free text staff type about a case that is stored in clear (a legal hold's note) must not carry
 * identifiers: they are replaced by their type (`[PERSON]`, `[PHONE]` …).
 */
export function withoutIdentifiers(text: string): string {
  return anonymize(text.trim(), { operator: 'redact' }).text;
}

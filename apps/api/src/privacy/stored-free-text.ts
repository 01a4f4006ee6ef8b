import { anonymize } from '@webcare/anonymizer';

/**
 * Free text staff type about a case that is stored in clear (a consent's purpose, a legal hold's
 * reason) must not carry identifiers: they are replaced by their type (`[PERSON]`, `[PHONE]` …).
 */
export function withoutIdentifiers(text: string): string {
  return anonymize(text.trim(), { operator: 'redact' }).text;
}

const ASCII_WORD = /^[A-Za-z][A-Za-z'-]*$/;

/**
 * Case-, accent- and spacing-insensitive form of a word or phrase, used for every
 * gazetteer lookup and for vault identity. OpenTaal writes "ij" as the ligature "ĳ".
 */
export function fold(value: string): string {
  // Fast path: plain ASCII words need no Unicode normalization.
  if (ASCII_WORD.test(value)) return value.toLowerCase();
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[ĳĲ]/g, 'ij')
    .replace(/[’`´]/g, "'")
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

const LATIN_WORD = /^[\p{Script=Latin}][\p{Script=Latin}\p{M}'’.\- ]*$/u;

/** Names in other scripts cannot match Latin-script messages; skipping them keeps the sets small. */
export function isLatinWord(value: string): boolean {
  return LATIN_WORD.test(value);
}

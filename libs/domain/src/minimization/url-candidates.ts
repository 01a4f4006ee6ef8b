/**
 * Things in free text that look like links, with or without a scheme ("www.school.nl/a?b=c",
 * "school.nl/open-dag"). Not preceded by "@" or a word character, so email domains are skipped.
 * Trailing sentence punctuation is trimmed by `trimTrailingPunctuation`.
 */
export const URL_CANDIDATE =
  /(?<![@\p{L}\p{N}._/-])(?:https?:\/\/)?(?:[\p{L}\p{N}-]+\.)+\p{L}{2,}(?::\d+)?(?:[/?#][^\s<>"'`]*)?/giu;

const TRAILING = /[.,;:!?'"’”»…]+$/u;

/** Drops sentence punctuation after a link; a closing bracket only when it has no opener in the link. */
export function trimTrailingPunctuation(candidate: string): string {
  let url = candidate;
  for (;;) {
    const before = url;
    url = url.replace(TRAILING, '');
    for (const [open, close] of [
      ['(', ')'],
      ['[', ']'],
      ['{', '}'],
    ]) {
      if (url.endsWith(close) && count(url, open) < count(url, close)) url = url.slice(0, -1);
    }
    if (url === before) return url;
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

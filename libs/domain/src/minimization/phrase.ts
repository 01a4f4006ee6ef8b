/**
 * Case-insensitive alternation matched as whole words: a space in an alternative matches any run of
 * whitespace, and letters or digits may not touch either end (so "bsn" does not match inside "absnt").
 */
export function phrase(...alternatives: string[]): RegExp {
  const body = alternatives.map((alt) => alt.replace(/ /g, '\\s+')).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'iu');
}

/** The same pattern, global, for replacing every occurrence. */
export function everywhere(pattern: RegExp): RegExp {
  return new RegExp(pattern.source, `${pattern.flags}g`);
}

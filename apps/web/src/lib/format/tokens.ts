export type TextPart = { kind: 'text'; text: string } | { kind: 'token'; text: string; type: string; n: string };

const TOKEN_RE = /\[([A-Z][A-Z_]*?)_(\d+)\]/g;

/** Splits pseudonymized text into plain runs and tokens like [PERSON_1] (one linear pass). */
export function splitTokens(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const m of text.matchAll(TOKEN_RE)) {
    const at = m.index ?? 0;
    if (at > last) parts.push({ kind: 'text', text: text.slice(last, at) });
    parts.push({ kind: 'token', text: m[0], type: m[1], n: m[2] });
    last = at + m[0].length;
  }
  if (last < text.length) parts.push({ kind: 'text', text: text.slice(last) });
  return parts;
}

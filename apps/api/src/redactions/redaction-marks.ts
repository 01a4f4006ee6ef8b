import { ENTITY_TYPES, type EntityType } from '@webcare/anonymizer';

/** A value an agent marked, and the token that stands for it in the case. */
export interface RedactionMark {
  value: string;
  token: string;
}

/** A token in a pseudonymized text, with its entity type. */
export interface TokenSpan {
  token: string;
  type: EntityType;
  start: number;
  end: number;
}

/** Tokens as the token vault writes them: `[PERSON_1]`, `[DATE_OF_BIRTH_2]`. */
const TOKEN = /\[([A-Z]+(?:_[A-Z]+)*)_\d+\]/g;
const TYPES: ReadonlySet<string> = new Set(ENTITY_TYPES);

export function tokensIn(text: string): TokenSpan[] {
  const spans: TokenSpan[] = [];
  for (const m of text.matchAll(TOKEN)) {
    if (!TYPES.has(m[1])) continue;
    spans.push({ token: m[0], type: m[1] as EntityType, start: m.index, end: m.index + m[0].length });
  }
  return spans;
}

const foldedChars = new Map<number, string>();

/** One UTF-16 unit, lower-cased and without accents, still one unit long (offsets stay aligned). */
function foldUnit(unit: string): string {
  const code = unit.charCodeAt(0);
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : unit;
  let folded = foldedChars.get(code);
  if (folded === undefined) {
    folded = unit.normalize('NFD').charAt(0).toLowerCase().charAt(0) || unit;
    foldedChars.set(code, folded);
  }
  return folded;
}

function fold(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += foldUnit(text[i]);
  return out;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const isWordChar = (c: string | undefined): boolean => c !== undefined && WORD_CHAR.test(c);

/**
 * Replaces every whole-word occurrence of each marked value (ignoring case and accents) with its
 * token, leaving existing tokens alone; longer values win where marks overlap. Costs one scan of
 * the text per mark, and the number of marks per case is capped.
 */
export function applyRedactions(text: string, marks: readonly RedactionMark[]): string {
  if (marks.length === 0 || text.length === 0) return text;
  const folded = fold(text);
  const covered = new Uint8Array(text.length);
  for (const t of tokensIn(text)) covered.fill(1, t.start, t.end);
  const hits: { start: number; end: number; token: string }[] = [];
  const ordered = [...marks].sort((a, b) => b.value.length - a.value.length);
  for (const mark of ordered) {
    const needle = fold(mark.value.trim());
    if (!needle) continue;
    for (let at = folded.indexOf(needle); at !== -1; at = folded.indexOf(needle, at + 1)) {
      const end = at + needle.length;
      if (isWordChar(text[at - 1]) || isWordChar(text[end])) continue;
      if (covered.subarray(at, end).some((c) => c === 1)) continue;
      covered.fill(1, at, end);
      hits.push({ start: at, end, token: mark.token });
    }
  }
  hits.sort((a, b) => a.start - b.start);
  let out = '';
  let cursor = 0;
  for (const h of hits) {
    out += text.slice(cursor, h.start) + h.token;
    cursor = h.end;
  }
  return out + text.slice(cursor);
}

export interface EntitySpan {
  type: string;
  start: number;
  end: number;
}
export type SpanPart = { text: string; type: string | null };

/**
 * Splits text at detected identifiers (start/end are string offsets, end exclusive, as the
 * anonymizer reports them). Overlapping or out-of-range spans are skipped. Linear after the sort.
 */
export function splitEntities(text: string, entities: EntitySpan[]): SpanPart[] {
  const parts: SpanPart[] = [];
  let at = 0;
  for (const e of [...entities].sort((a, b) => a.start - b.start)) {
    if (e.start < at || e.end <= e.start || e.end > text.length) continue;
    if (e.start > at) parts.push({ text: text.slice(at, e.start), type: null });
    parts.push({ text: text.slice(e.start, e.end), type: e.type });
    at = e.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), type: null });
  return parts;
}

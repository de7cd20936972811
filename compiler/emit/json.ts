// Deterministic JSON: keys sorted, two-space indentation, a final newline. Values the user wrote
// (schemas, patterns, examples) keep their own key order, which is part of their meaning to a reader
// (and to generated types); everything else is sorted so that diffs show real changes only.
import { JSON_MARKER_KEY } from './marker';

export function stableJson(value: unknown, verbatimKeys: ReadonlySet<string> = new Set(), marker?: string): string {
  // Verbatim subtrees are returned as they are (no copy): they are most of a model's bytes.
  const sortValue = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(sortValue);
    if (v === null || typeof v !== 'object') return v;
    const keys = Object.keys(v).sort();
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const k of keys) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = verbatimKeys.has(k) ? x : sortValue(x);
    }
    return out;
  };
  const sorted = sortValue(value) as Record<string, unknown>;
  const withMarker = marker !== undefined && sorted && typeof sorted === 'object' && !Array.isArray(sorted) ? { [JSON_MARKER_KEY]: marker, ...sorted } : sorted;
  return JSON.stringify(withMarker, null, 2) + '\n';
}

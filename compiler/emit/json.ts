// Deterministic JSON: keys sorted, two-space indentation, a final newline. Values the user wrote
// (schemas, patterns, examples) keep their own key order, which is part of their meaning to a reader
// (and to generated types); everything else is sorted so that diffs show real changes only.
import { JSON_MARKER_KEY } from './marker';

export function stableJson(value: unknown, verbatimKeys: ReadonlySet<string> = new Set(), marker?: string): string {
  const sortValue = (v: unknown, verbatim: boolean): unknown => {
    if (Array.isArray(v)) return v.map((x) => sortValue(x, verbatim));
    if (v === null || typeof v !== 'object') return v;
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined);
    if (!verbatim) entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return Object.fromEntries(entries.map(([k, x]) => [k, sortValue(x, verbatim || verbatimKeys.has(k))]));
  };
  const sorted = sortValue(value, false) as Record<string, unknown>;
  const withMarker = marker !== undefined && sorted && typeof sorted === 'object' && !Array.isArray(sorted) ? { [JSON_MARKER_KEY]: marker, ...sorted } : sorted;
  return JSON.stringify(withMarker, null, 2) + '\n';
}

// Deterministic JSON: keys sorted, two-space indentation (documents end with a newline). Values the user wrote
// (schemas, patterns, examples) keep their own key order, which is part of their meaning to a reader
// (and to generated types); everything else is sorted so that diffs show real changes only.
/** `value` with the keys of its objects sorted (not below `verbatimKeys`), undefined members dropped. */
function sortedCopy(value: unknown, verbatimKeys: ReadonlySet<string>): unknown {
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
  return sortValue(value);
}

/**
 * The deterministic JSON text of `value` where it is nested `depth` levels deep in a document (its lines
 * after the first indented by depth × 2 spaces), without the final newline: documents can be built
 * from parts (see model-json.ts).
 */
export function stableJsonAt(value: unknown, verbatimKeys: ReadonlySet<string>, depth: number): string {
  // Wrapped in `depth` arrays, JSON.stringify indents the value itself; the wrapping is cut off.
  let wrapped = sortedCopy(value, verbatimKeys);
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  if (depth === 0 || text === undefined) return text;
  let head = 0;
  for (let i = 1; i <= depth; i++) head += 2 + 2 * i; // "[\n" + indentation, per level
  let tail = 0;
  for (let i = 0; i < depth; i++) tail += 2 + 2 * i; // "\n" + indentation + "]", per level
  return text.slice(head, text.length - tail);
}

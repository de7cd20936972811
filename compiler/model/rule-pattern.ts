// The complete event pattern of a route's rule: the `source` and `detail-type` of the event types it
// listens to, their implicit constraints (e.g. CloudTrail's eventSource), and the user's filter.
import type { EventTypeExtras } from './build-events';
import type { EventType, JsonObject, JsonValue } from './types';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep merge of two patterns: `over` wins on leaves (match-value arrays), objects merge. */
export function mergePatterns(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const existing = out[key];
    out[key] = isObject(existing) && isObject(value) ? mergePatterns(existing, value) : value;
  }
  return out;
}

const sorted = (values: Iterable<string>): string[] => [...new Set(values)].sort();

/**
 * When the (source, detail-type) pairs of the event types are a full cross product and no type has an
 * implicit filter, plain lists are exact; otherwise an `$or` of one branch per event type avoids
 * matching a source with another type's detail-type.
 */
export function rulePattern(eventTypes: readonly EventType[], extras: ReadonlyMap<string, EventTypeExtras>, filter: JsonObject | null): JsonObject {
  const user = filter ?? {};
  const implicit = eventTypes.map((t) => extras.get(t.name)?.implicitFilter ?? null);
  const sources = sorted(eventTypes.map((t) => t.source));
  const detailTypes = sorted(eventTypes.map((t) => t.detailType));
  const pairs = new Set(eventTypes.map((t) => `${t.source}\u0000${t.detailType}`));
  const simple = eventTypes.length === 1 || (pairs.size === sources.length * detailTypes.length && implicit.every((f) => f === null));
  if (simple) {
    let base: JsonObject = { source: sources, 'detail-type': detailTypes };
    if (implicit[0]) base = mergePatterns(base, implicit[0]);
    return mergePatterns(base, user);
  }
  const branches = new Map<string, JsonObject>();
  eventTypes.forEach((t, i) => {
    const key = `${t.source}\u0000${t.detailType}\u0000${JSON.stringify(implicit[i])}`;
    if (branches.has(key)) return;
    let branch: JsonObject = { source: [t.source], 'detail-type': [t.detailType] };
    if (implicit[i]) branch = mergePatterns(branch, implicit[i]!);
    branches.set(key, branch);
  });
  const { $or: userOr, ...rest } = user;
  const ordered = [...branches.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, b]) => (userOr === undefined ? b : { ...b, $or: userOr }));
  return { ...rest, $or: ordered };
}

/** Whether any match value in the pattern is a `wildcard` (a quota counts such rules per bus). */
export function usesWildcard(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(usesWildcard);
  if (!isObject(value)) return false;
  return Object.entries(value).some(([k, v]) => k === 'wildcard' || usesWildcard(v));
}

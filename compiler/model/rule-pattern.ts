// The complete event pattern of a route's rule: the `source` and `detail-type` of the event types it
// listens to, their implicit constraints (e.g. CloudTrail's eventSource), and the user's filter.
import type { EventTypeExtras } from './build-events';
import type { EventType, JsonObject, JsonValue, PatternBinding } from './types';

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
 * When the (source, detail-type) pairs of the event types are a full cross product, no type has an
 * implicit filter and all have the same deploy-time bindings, plain lists are exact; otherwise an `$or` of one branch
 * per event type avoids matching a source with another type's detail-type, or one type's constraints
 * (e.g. an S3 source's bucket name) applying to another type. Bindings are returned with their path in
 * the pattern: inside their event type's branch (`$or`, index, ...).
 */
export function rulePattern(eventTypes: readonly EventType[], extras: ReadonlyMap<string, EventTypeExtras>, filter: JsonObject | null): { pattern: JsonObject; bindings: PatternBinding[] } {
  const user = filter ?? {};
  const implicit = eventTypes.map((t) => extras.get(t.name)?.implicitFilter ?? null);
  const bindingsOf = eventTypes.map((t) => extras.get(t.name)?.bindings ?? []);
  const sources = sorted(eventTypes.map((t) => t.source));
  const detailTypes = sorted(eventTypes.map((t) => t.detailType));
  const pairs = new Set(eventTypes.map((t) => `${t.source}\u0000${t.detailType}`));
  // Bindings shared by every type (e.g. two events of one bucket) may stay at the top.
  const sameBindings = bindingsOf.every((b) => JSON.stringify(b) === JSON.stringify(bindingsOf[0]));
  const plain = implicit.every((f) => f === null) && sameBindings;
  if (eventTypes.length === 1 || (pairs.size === sources.length * detailTypes.length && plain)) {
    let base: JsonObject = { source: sources, 'detail-type': detailTypes };
    if (implicit[0]) base = mergePatterns(base, implicit[0]);
    return { pattern: mergePatterns(base, user), bindings: (bindingsOf[0] ?? []).map((b) => ({ ...b, path: [...b.path] })) };
  }
  const branches = new Map<string, { branch: JsonObject; bindings: PatternBinding[] }>();
  eventTypes.forEach((t, i) => {
    const key = `${t.source}\u0000${t.detailType}\u0000${JSON.stringify(implicit[i])}\u0000${JSON.stringify(bindingsOf[i])}`;
    if (branches.has(key)) return;
    let branch: JsonObject = { source: [t.source], 'detail-type': [t.detailType] };
    if (implicit[i]) branch = mergePatterns(branch, implicit[i]!);
    branches.set(key, { branch, bindings: bindingsOf[i]! });
  });
  const { $or: userOr, ...rest } = user;
  const ordered = [...branches.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([, b]) => b);
  return {
    pattern: { ...rest, $or: ordered.map(({ branch }) => (userOr === undefined ? branch : { ...branch, $or: userOr })) },
    bindings: ordered.flatMap(({ bindings }, i) => bindings.map((b) => ({ ...b, path: ['$or', String(i), ...b.path] }))),
  };
}

/** Whether any match value in the pattern is a `wildcard` (a quota counts such rules per bus). */
export function usesWildcard(value: JsonValue): boolean {
  if (Array.isArray(value)) {
    for (const item of value) if (usesWildcard(item)) return true;
    return false;
  }
  if (!isObject(value)) return false;
  for (const key in value) if (key === 'wildcard' || usesWildcard(value[key]!)) return true;
  return false;
}

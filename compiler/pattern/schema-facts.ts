// What a JSON Schema (draft-07, the schemas of event `detail`) says about the values at a pattern path,
// for the filter-vs-schema checks. Deliberately conservative: wherever the schema allows a choice
// (anyOf, oneOf, allOf, patternProperties, additionalProperties, a type list, `nullable`), the facts are
// the *union* of what the branches allow, so a check built on them can only miss a problem, never report
// one that is not there. Only local references (#, #/definitions/..., #/$defs/...) are followed.
import type { JsonValue } from './ast';

export type ValueKind = 'string' | 'number' | 'boolean' | 'null' | 'object' | 'array';

export type Schema = boolean | { [key: string]: unknown };

/** Facts about the values found at one path. */
export interface LeafFacts {
  /** The kinds a value can have; null when the schema does not say (anything goes). */
  kinds: Set<ValueKind> | null;
  /** The only values allowed (enum/const), when every alternative restricts them. */
  values: JsonValue[] | null;
  /** Numeric bounds (loosest over the alternatives). */
  minimum: number;
  minimumExclusive: boolean;
  maximum: number;
  maximumExclusive: boolean;
  /** String formats declared by every string alternative (empty when one has none). */
  formats: Set<string>;
}

export type PathLookup =
  | { found: true; facts: LeafFacts; required: boolean; underArray: boolean }
  /** The path cannot exist: a closed object does not declare it. `siblings` are the declared names. */
  | { found: false; closed: true; segment: string; siblings: string[] }
  /** The path is not declared but may exist (open object), or the schema cannot be followed. */
  | { found: false; closed: false; segment: string; siblings: string[]; unresolved?: string };

type SchemaObject = { [key: string]: unknown };

/** How an alternative combines: the schema itself, a branch it must also satisfy, or one it may pick. */
type Role = 'self' | 'all' | 'any';

interface Alternative {
  schema: Schema;
  role: Role;
}

const FACT_KEYWORDS = ['type', 'const', 'enum', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'format', 'nullable'];

function hasFacts(s: SchemaObject): boolean {
  return FACT_KEYWORDS.some((k) => Object.hasOwn(s, k));
}

function isObject(v: unknown): v is SchemaObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export class SchemaReader {
  private unresolvedRef: string | undefined;

  constructor(private readonly root: Schema) {}

  /** Follows local `$ref`s; returns undefined when a reference cannot be resolved. */
  private deref(schema: unknown, seen = new Set<string>()): Schema | undefined {
    if (typeof schema === 'boolean') return schema;
    if (!isObject(schema)) return true;
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    if (seen.has(ref)) return true; // recursive definition: stop, allow anything
    seen.add(ref);
    if (ref === '#') return this.deref(this.root, seen);
    const m = /^#\/(definitions|\$defs)\/(.+)$/.exec(ref);
    if (!m || !isObject(this.root)) {
      this.unresolvedRef = ref;
      return undefined;
    }
    const group = this.root[m[1]];
    const name = m[2].replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(group) || !(name in group)) {
      this.unresolvedRef = ref;
      return undefined;
    }
    return this.deref(group[name], seen);
  }

  /**
   * The schema and every branch it must also satisfy (allOf) or may choose from (anyOf/oneOf),
   * flattened, each tagged with how it combines.
   */
  private alternatives(schema: unknown, role: Role = 'self'): Alternative[] | undefined {
    const s = this.deref(schema);
    if (s === undefined) return undefined;
    if (typeof s === 'boolean') return [{ schema: s, role }];
    const out: Alternative[] = [{ schema: s, role }];
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const branches = s[key];
      if (!Array.isArray(branches)) continue;
      for (const b of branches) {
        const alts = this.alternatives(b, key === 'allOf' ? (role === 'any' ? 'any' : 'all') : 'any');
        if (!alts) return undefined;
        out.push(...alts);
      }
    }
    return out;
  }

  /** Looks up a path below this schema; `segments` are the dot-separated parts of the path. */
  lookup(segments: readonly string[]): PathLookup {
    this.unresolvedRef = undefined;
    return this.walk([this.root], segments, true, false);
  }

  private walk(schemas: unknown[], segments: readonly string[], required: boolean, underArray: boolean): PathLookup {
    // Arrays are transparent in events: a path continues into the items.
    const withRoles: Alternative[] = [];
    for (const schema of schemas) {
      const alts = this.alternatives(schema);
      if (!alts) return { found: false, closed: false, segment: segments[0] ?? '', siblings: [], unresolved: this.unresolvedRef };
      for (const alt of alts) {
        withRoles.push(alt);
        if (isObject(alt.schema) && alt.schema.items !== undefined) {
          underArray = true;
          const itemSchemas = Array.isArray(alt.schema.items) ? alt.schema.items : [alt.schema.items];
          for (const item of itemSchemas) withRoles.push(...(this.alternatives(item, 'any') ?? [{ schema: true, role: 'any' as const }]));
        }
      }
    }
    if (segments.length === 0) return { found: true, facts: this.facts(withRoles), required, underArray };

    const siblings = new Set<string>();
    let anyOpen = false;
    let anyUnknown = false;
    let forbidden = false;
    const results: PathLookup[] = [];
    for (const { schema: alt, role } of withRoles) {
      if (alt === true) {
        if (role !== 'all') anyOpen = true;
        continue;
      }
      if (alt === false || !isObject(alt)) continue;
      // A schema that only combines branches (or an allOf branch that only adds `required` and the
      // like) says nothing about other properties: its branches do.
      const definesObject = ['properties', 'patternProperties', 'additionalProperties', 'type'].some((k) => Object.hasOwn(alt, k));
      const combines = ['allOf', 'anyOf', 'oneOf'].some((k) => Array.isArray(alt[k]));
      if (!definesObject && (combines || role === 'all')) continue;
      const properties = isObject(alt.properties) ? alt.properties : {};
      for (const name of Object.keys(properties)) siblings.add(name);
      const requiredHere = Array.isArray(alt.required) ? (alt.required as unknown[]) : [];
      // A key may itself contain dots: "a.b" in the schema answers the path a.b as well.
      let declaredHere = false;
      for (let take = 1; take <= segments.length; take++) {
        const name = segments.slice(0, take).join('.');
        const sub: unknown[] = [];
        if (Object.hasOwn(properties, name)) sub.push(properties[name]);
        if (isObject(alt.patternProperties)) {
          for (const [re, s] of Object.entries(alt.patternProperties)) {
            try {
              if (new RegExp(re, 'u').test(name)) sub.push(s);
            } catch {
              anyUnknown = true;
            }
          }
        }
        // `"name": false` forbids the property outright.
        const allowed = sub.filter((x) => x !== false);
        if (sub.length > 0) declaredHere = true;
        if (sub.length > 0 && allowed.length === 0) forbidden = true;
        if (allowed.length > 0) results.push(this.walk(allowed, segments.slice(take), required && requiredHere.includes(name), underArray));
      }
      // additionalProperties applies only to names the schema does not declare.
      if (declaredHere) continue;
      const additional = alt.additionalProperties;
      const declaresObject = alt.type === undefined || alt.type === 'object' || (Array.isArray(alt.type) && alt.type.includes('object'));
      if (!declaresObject) continue;
      if (additional === false) continue;
      if (isObject(additional)) results.push(this.walk([additional], segments.slice(1), false, underArray));
      else anyOpen = true;
    }
    const found = results.filter((r): r is Extract<PathLookup, { found: true }> => r.found);
    if (found.length > 0) {
      return {
        found: true,
        facts: anyOpen ? unknownFacts() : mergeFacts(found.map((r) => r.facts)),
        required: found.every((r) => r.required),
        underArray: found.some((r) => r.underArray),
      };
    }
    const open = results.find((r) => !r.found && !r.closed);
    if (open) return open;
    if (forbidden) return { found: false, closed: true, segment: segments[0], siblings: [...siblings] };
    if (anyOpen || anyUnknown) return { found: false, closed: false, segment: segments[0], siblings: [...siblings] };
    const deeper = results.find((r) => !r.found && r.closed);
    if (deeper) return deeper;
    return { found: false, closed: true, segment: segments[0], siblings: [...siblings] };
  }

  /**
   * The union of the alternatives' facts. An allOf branch without facts restricts nothing and is
   * skipped; an anyOf/oneOf branch without facts allows anything, and so does a schema that says
   * nothing at all.
   */
  private facts(alternatives: readonly Alternative[]): LeafFacts {
    const parts: LeafFacts[] = [];
    for (const { schema, role } of alternatives) {
      if (schema === false) continue;
      if (schema === true || !isObject(schema)) {
        if (role !== 'all') return unknownFacts();
        continue;
      }
      if (hasFacts(schema)) parts.push(factsOf(schema));
      else if (role === 'any') return unknownFacts();
      else if (role === 'self' && !['allOf', 'anyOf', 'oneOf'].some((k) => Array.isArray(schema[k])) && schema.items === undefined) {
        return unknownFacts();
      }
    }
    return parts.length === 0 ? unknownFacts() : mergeFacts(parts);
  }
}

function unknownFacts(): LeafFacts {
  return {
    kinds: null,
    values: null,
    minimum: Number.NEGATIVE_INFINITY,
    minimumExclusive: false,
    maximum: Number.POSITIVE_INFINITY,
    maximumExclusive: false,
    formats: new Set(),
  };
}

function kindOfValue(v: unknown): ValueKind {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' ? t : 'object';
}

/** Facts of one schema object, on its own keywords (composition is handled by the caller). */
function factsOf(s: SchemaObject): LeafFacts {
  const f = unknownFacts();
  const types = typeof s.type === 'string' ? [s.type] : Array.isArray(s.type) ? (s.type as unknown[]).filter((t): t is string => typeof t === 'string') : null;
  let values: JsonValue[] | null = null;
  if (Object.hasOwn(s, 'const')) values = [s.const as JsonValue];
  else if (Array.isArray(s.enum)) values = s.enum as JsonValue[];
  if (types) {
    f.kinds = new Set(types.map((t) => (t === 'integer' ? 'number' : t)).filter((t): t is ValueKind => ['string', 'number', 'boolean', 'null', 'object', 'array'].includes(t)));
    if (s.nullable === true) f.kinds.add('null');
  } else if (values) {
    f.kinds = new Set(values.map(kindOfValue));
  }
  if (values) f.values = s.nullable === true ? [...values, null] : values;
  if (typeof s.minimum === 'number') f.minimum = s.minimum;
  if (typeof s.exclusiveMinimum === 'number' && s.exclusiveMinimum >= f.minimum) {
    f.minimum = s.exclusiveMinimum;
    f.minimumExclusive = true;
  }
  if (typeof s.maximum === 'number') f.maximum = s.maximum;
  if (typeof s.exclusiveMaximum === 'number' && s.exclusiveMaximum <= f.maximum) {
    f.maximum = s.exclusiveMaximum;
    f.maximumExclusive = true;
  }
  if (typeof s.format === 'string') f.formats.add(s.format);
  return f;
}

/** The union of several alternatives' facts (the loosest reading). */
export function mergeFacts(parts: readonly LeafFacts[]): LeafFacts {
  if (parts.length === 1) return parts[0];
  const out = unknownFacts();
  if (parts.every((p) => p.kinds !== null)) {
    out.kinds = new Set();
    for (const p of parts) for (const k of p.kinds as Set<ValueKind>) out.kinds.add(k);
  }
  if (parts.every((p) => p.values !== null)) out.values = parts.flatMap((p) => p.values as JsonValue[]);
  const lows = parts.map((p) => p.minimum);
  out.minimum = Math.min(...lows);
  out.minimumExclusive = parts.every((p) => p.minimum > out.minimum || p.minimumExclusive);
  out.maximum = Math.max(...parts.map((p) => p.maximum));
  out.maximumExclusive = parts.every((p) => p.maximum < out.maximum || p.maximumExclusive);
  const first = parts[0].formats;
  out.formats = new Set([...first].filter((f) => parts.every((p) => p.formats.has(f))));
  return out;
}

// What a route's filter (an EventBridge pattern) says about the events it lets through, per field,
// against the event's schema: the refinement that handler types are narrowed by.
//
// A refinement is an OR of ANDs: each alternative (from `$or`) maps field names to a condition; a
// condition says whether the field may be missing and what it holds when present: any value of its
// type, one of some literals or template literals (`prefix`, `suffix`, `wildcard` on an open string),
// or an object refined again. Every rule below keeps the refinement *sound*: it may say less than the
// filter does (then the handler type is wider than needed) but never more. Where in doubt (arrays,
// whose elements EventBridge matches one by one; anyOf/oneOf schemas; unknown operators; too many
// `$or` alternatives) a field keeps its schema type.
import type { JsonObject, JsonValue } from '../../model/types';
import type { JsonPrimitive, TemplatePart } from '../ts/names';
import { allowsValue, domainOf, isPlainObject, mayBeArray, propertyOf, type Domain, type SchemaNode } from './schema-node';
import { wildcardRegExp } from './leaf-match';

export type Present =
  /** Present, with its schema type. */
  | { kind: 'any' }
  /** One of these literals, or a string of one of these templates. */
  | { kind: 'values'; literals: JsonPrimitive[]; templates: TemplatePart[][] }
  /** An object, refined field by field. */
  | { kind: 'object'; refinement: Refinement };

export interface FieldCondition {
  /** The field may be missing. */
  absent: boolean;
  /** What it holds when present; null: it cannot be present. */
  present: Present | null;
  /** The leaf matcher lists the field must pass (ANDed; each list ORed): used to build samples. */
  tests: JsonValue[][];
}

/** One alternative: conditions on fields, in the filter's key order. */
export type Conjunction = ReadonlyMap<string, FieldCondition>;
/** Alternatives; [] means the filter can never match. */
export type Refinement = readonly Conjunction[];

/** Above this many `$or` alternatives a level is left unrefined (sound, and keeps types readable). */
export const MAX_ALTERNATIVES = 16;

const ANY: Present = { kind: 'any' };
const UNCONSTRAINED: Refinement = [new Map()];

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: JsonValue): value is JsonPrimitive {
  return value === null || typeof value !== 'object';
}

// ---------------------------------------------------------------------------------------------
// Leaves

function stringLiterals(domain: Domain): string[] | undefined {
  return domain.kind === 'finite' ? domain.values.filter((v): v is string => typeof v === 'string') : undefined;
}

function hasType(domain: Domain, type: 'string' | 'number'): boolean {
  if (domain.kind === 'unknown') return true;
  if (domain.kind === 'finite') return domain.values.some((v) => typeof v === type);
  return type === 'number' ? domain.types.has('number') || domain.types.has('integer') : domain.types.has(type);
}

/** The string operand of prefix/suffix, and whether it ignores case. */
function textOperand(operand: JsonValue): { text: string; ignoreCase: boolean } | undefined {
  if (typeof operand === 'string') return { text: operand, ignoreCase: false };
  if (isObject(operand) && typeof operand['equals-ignore-case'] === 'string') return { text: operand['equals-ignore-case'], ignoreCase: true };
  return undefined;
}

function lower(s: string): string {
  return s.toLowerCase();
}

function numericAccepts(spec: JsonValue, n: number): boolean {
  if (!Array.isArray(spec)) return true;
  for (let i = 0; i + 1 < spec.length; i += 2) {
    const op = spec[i];
    const bound = spec[i + 1];
    if (typeof bound !== 'number') return true;
    const ok = op === '=' ? n === bound : op === '<' ? n < bound : op === '<=' ? n <= bound : op === '>' ? n > bound : op === '>=' ? n >= bound : true;
    if (!ok) return false;
  }
  return true;
}

/** The values of a finite domain that `anything-but` lets through (null always passes). */
function anythingButValues(values: JsonPrimitive[], operand: JsonValue): JsonPrimitive[] | undefined {
  if (isPrimitive(operand) || Array.isArray(operand)) {
    const excluded = (Array.isArray(operand) ? operand : [operand]).filter(isPrimitive);
    return values.filter((v) => v === null || !excluded.some((x) => x === v));
  }
  if (isObject(operand)) {
    const [op] = Object.keys(operand);
    const raw = op === undefined ? undefined : operand[op];
    const texts = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string');
    const test =
      op === 'prefix' ? (s: string) => texts.some((t) => s.startsWith(t))
      : op === 'suffix' ? (s: string) => texts.some((t) => s.endsWith(t))
      : op === 'equals-ignore-case' ? (s: string) => texts.some((t) => lower(s) === lower(t))
      : op === 'wildcard' ? (s: string) => texts.some((t) => wildcardRegExp(t).test(s))
      : undefined;
    if (!test) return undefined;
    // A non-string value is "not equal" to any string operand: it passes.
    return values.filter((v) => typeof v !== 'string' || !test(v));
  }
  return undefined;
}

/** The template literal of a wildcard: `incoming/*.csv` → incoming/${string}.csv. */
export function wildcardTemplate(pattern: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) {
      text += pattern[++i];
    } else if (c === '*') {
      if (text) parts.push({ text });
      text = '';
      parts.push({ hole: 'string' });
    } else text += c;
  }
  if (text) parts.push({ text });
  return parts;
}

/** What one matcher of a leaf list lets through. */
function matcherResult(m: JsonValue, domain: Domain): { present?: Present; absent?: boolean } {
  const arrayish = mayBeArray(domain);
  const finite = domain.kind === 'finite' ? domain.values : undefined;
  const literals = (values: JsonPrimitive[]): { present?: Present } => (values.length === 0 ? {} : { present: { kind: 'values', literals: values, templates: [] } });
  if (isPrimitive(m)) {
    if (arrayish) return { present: ANY };
    if (finite) return literals(finite.filter((v) => v === m));
    return allowsValue(domain, m) ? literals([m]) : {};
  }
  if (!isObject(m)) return { present: ANY };
  const keys = Object.keys(m);
  if (keys.length !== 1) return { present: ANY };
  const op = keys[0]!;
  const operand = m[op]!;
  switch (op) {
    case 'exists':
      return operand === false ? { absent: true } : { present: ANY };
    case 'exact':
      if (typeof operand !== 'string' || arrayish) return { present: ANY };
      if (finite) return literals(finite.filter((v) => v === operand));
      return allowsValue(domain, operand) ? literals([operand]) : {};
    case 'prefix':
    case 'suffix': {
      const t = textOperand(operand);
      if (!t) return { present: ANY };
      const test = (s: string): boolean => {
        const a = t.ignoreCase ? lower(s) : s;
        const b = t.ignoreCase ? lower(t.text) : t.text;
        return op === 'prefix' ? a.startsWith(b) : a.endsWith(b);
      };
      const strings = stringLiterals(domain);
      if (strings) return literals(strings.filter(test));
      if (arrayish) return { present: ANY };
      if (!hasType(domain, 'string')) return {};
      if (t.ignoreCase) return { present: ANY };
      const template: TemplatePart[] = op === 'prefix' ? [{ text: t.text }, { hole: 'string' }] : [{ hole: 'string' }, { text: t.text }];
      return { present: { kind: 'values', literals: [], templates: [template.filter((p) => !('text' in p) || p.text !== '')] } };
    }
    case 'equals-ignore-case': {
      if (typeof operand !== 'string') return { present: ANY };
      const strings = stringLiterals(domain);
      if (strings) return literals(strings.filter((s) => lower(s) === lower(operand)));
      if (arrayish) return { present: ANY };
      return hasType(domain, 'string') ? { present: ANY } : {};
    }
    case 'wildcard': {
      if (typeof operand !== 'string') return { present: ANY };
      const strings = stringLiterals(domain);
      if (strings) return literals(strings.filter((s) => wildcardRegExp(operand).test(s)));
      if (arrayish) return { present: ANY };
      if (!hasType(domain, 'string')) return {};
      return { present: { kind: 'values', literals: [], templates: [wildcardTemplate(operand)] } };
    }
    case 'anything-but': {
      if (finite) {
        const rest = anythingButValues(finite, operand);
        return rest ? literals(rest) : { present: ANY };
      }
      return { present: ANY };
    }
    case 'numeric': {
      if (finite) return literals(finite.filter((v) => typeof v === 'number' && numericAccepts(operand, v)));
      if (arrayish) return { present: ANY };
      return hasType(domain, 'number') ? { present: ANY } : {};
    }
    case 'cidr':
      if (arrayish) return { present: ANY };
      return hasType(domain, 'string') ? { present: ANY } : {};
    default:
      return { present: ANY };
  }
}

function unionPresent(a: Present | null, b: Present | null): Present | null {
  if (a === null) return b;
  if (b === null) return a;
  if (a.kind === 'any' || b.kind === 'any') return ANY;
  if (a.kind === 'values' && b.kind === 'values') return { kind: 'values', literals: dedupe([...a.literals, ...b.literals]), templates: [...a.templates, ...b.templates] };
  return ANY;
}

function dedupe(values: JsonPrimitive[]): JsonPrimitive[] {
  const out: JsonPrimitive[] = [];
  for (const v of values) if (!out.some((x) => x === v)) out.push(v);
  return out;
}

/** The condition a list of leaf matchers (ORed) puts on a field. */
export function refineLeaf(matchers: readonly JsonValue[], node: SchemaNode | undefined): FieldCondition {
  const domain = domainOf(node);
  let absent = false;
  let present: Present | null = null;
  for (const m of matchers) {
    const r = matcherResult(m, domain);
    if (r.absent) absent = true;
    if (r.present) present = unionPresent(present, r.present);
  }
  return { absent, present, tests: [[...matchers]] };
}

// ---------------------------------------------------------------------------------------------
// Objects

function templateRegExp(parts: readonly TemplatePart[]): RegExp {
  const body = parts.map((p) => ('text' in p ? p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*')).join('');
  return new RegExp(`^${body}$`);
}

function intersectPresent(a: Present | null, b: Present | null): Present | null {
  if (a === null || b === null) return null;
  if (a.kind === 'any') return b;
  if (b.kind === 'any') return a;
  if (a.kind === 'values' && b.kind === 'values') {
    const fits = (v: JsonPrimitive, templates: TemplatePart[][]): boolean => typeof v === 'string' && templates.some((t) => templateRegExp(t).test(v));
    const literals = dedupe([...a.literals.filter((v) => b.literals.some((x) => x === v) || fits(v, b.templates)), ...b.literals.filter((v) => fits(v, a.templates))]);
    // Two template sets: the first is a superset of the intersection (sound, if less precise).
    const templates = a.templates.length > 0 && b.templates.length > 0 ? a.templates : [];
    return literals.length === 0 && templates.length === 0 ? null : { kind: 'values', literals, templates };
  }
  if (a.kind === 'object' && b.kind === 'object') {
    const both = and(a.refinement, b.refinement);
    return both.length === 0 ? null : { kind: 'object', refinement: both };
  }
  return ANY;
}

function intersect(a: FieldCondition, b: FieldCondition): FieldCondition {
  return { absent: a.absent && b.absent, present: intersectPresent(a.present, b.present), tests: [...a.tests, ...b.tests] };
}

function impossible(conj: Conjunction): boolean {
  for (const c of conj.values()) if (!c.absent && c.present === null) return true;
  return false;
}

/** Both refinements hold: every pair of alternatives merged; impossible ones dropped. */
export function and(a: Refinement, b: Refinement): Refinement {
  const out: Conjunction[] = [];
  for (const x of a) {
    for (const y of b) {
      const merged = new Map(x);
      for (const [key, cond] of y) {
        const existing = merged.get(key);
        merged.set(key, existing ? intersect(existing, cond) : cond);
      }
      if (!impossible(merged)) out.push(merged);
    }
  }
  return out;
}

/** The condition on an object field from the refinement of its own fields. */
function objectCondition(nested: Refinement, node: SchemaNode | undefined): FieldCondition {
  if (nested.length === 0) return { absent: false, present: null, tests: [] };
  // exists:false matches a missing parent too: the object may be missing when some alternative
  // only asks for missing fields.
  const absent = nested.some((conj) => [...conj.values()].every((c) => c.absent));
  const present: Present = isPlainObject(node) ? { kind: 'object', refinement: nested } : ANY;
  return { absent, present, tests: [] };
}

/** A pattern key as a path: itself, or its dot-separated parts when only they name schema fields. */
function keyPath(node: SchemaNode | undefined, key: string): string[] {
  if (!key.includes('.') || propertyOf(node, key).known) return [key];
  const parts = key.split('.');
  return parts.every((p) => p.length > 0) && propertyOf(node, parts[0]!).known ? parts : [key];
}

function refineAtPath(path: readonly string[], value: JsonValue, node: SchemaNode | undefined): FieldCondition {
  const [head, ...rest] = path;
  const child = propertyOf(node, head!).node;
  if (rest.length > 0) return objectCondition([new Map([[rest[0]!, refineAtPath(rest, value, child)]])], child);
  if (Array.isArray(value)) return refineLeaf(value, child);
  if (isObject(value)) return objectCondition(refineObject(value, child), child);
  return { absent: true, present: ANY, tests: [] };
}

/** The refinement an object-level pattern puts on an object of schema `node`. */
export function refineObject(pattern: JsonObject, node: SchemaNode | undefined): Refinement {
  let result: Refinement = UNCONSTRAINED;
  for (const [key, value] of Object.entries(pattern)) {
    if (key === '$or') {
      const branches = Array.isArray(value) ? value.flatMap((b) => (isObject(b) ? refineObject(b, node) : UNCONSTRAINED)) : UNCONSTRAINED;
      result = and(result, branches);
    } else {
      const path = keyPath(node, key);
      result = and(result, [new Map([[path[0]!, refineAtPath(path, value, node)]])]);
    }
    if (result.length > MAX_ALTERNATIVES) return UNCONSTRAINED;
  }
  return result;
}

// Sample values for handler test stubs: an event type's first example (or the smallest value its
// schema allows), cut to the fields the generated type declares, then changed where needed so that
// the route's filter lets it through and it fits the narrowed type.
import type { JsonObject, JsonValue } from '../../model/types';
import type { JsonPrimitive, TemplatePart } from '../ts/names';
import { numericCandidates, passesAll } from './leaf-match';
import type { FieldCondition, Refinement } from './refine';
import { allowsValue, domainOf, isPlainObject, propertyOf, resolveNode, type SchemaNode } from './schema-node';

const MAX_DEPTH = 12;

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const FORMAT_SAMPLES: Record<string, string> = {
  'date-time': '2026-01-01T00:00:00Z',
  date: '2026-01-01',
  time: '00:00:00Z',
  email: 'someone@example.com',
  hostname: 'example.com',
  ipv4: '192.0.2.1',
  ipv6: '2001:db8::1',
  uri: 'https://example.com/',
  'uri-reference': 'https://example.com/',
  uuid: '00000000-0000-4000-8000-000000000000',
};

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype). */
function setOwn(target: JsonObject, key: string, value: JsonValue): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Declared properties named like members of Object.prototype (`toString`, `constructor`, ...): an object
 * literal without them does not fit the generated type (TypeScript sees the inherited member), so a
 * sample always has them.
 */
function withPrototypeNames(out: JsonObject, schema: JsonObject, root: JsonObject, depth: number): JsonObject {
  const props = isObject(schema.properties) ? schema.properties : {};
  for (const key of Object.keys(props)) {
    if (key in Object.prototype && !Object.hasOwn(out, key)) setOwn(out, key, minimalValue(isObject(props[key]) ? { schema: props[key] as JsonObject, root } : undefined, depth + 1));
  }
  return out;
}

/** The smallest value a schema allows (as far as a sample needs: types, required fields, minimums). */
export function minimalValue(node: SchemaNode | undefined, depth = 0): JsonValue {
  const resolved = node && resolveNode(node);
  if (!resolved || depth > MAX_DEPTH) return null;
  const { schema, root } = resolved;
  const at = (s: JsonValue | undefined): SchemaNode | undefined => (isObject(s) ? { schema: s, root } : undefined);
  if (schema.const !== undefined) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]!;
  for (const key of ['oneOf', 'anyOf'] as const) {
    const list = schema[key];
    if (Array.isArray(list) && list.length > 0) return minimalValue(at(list[0]), depth + 1);
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) {
    const parts = schema.allOf.map((s) => minimalValue(at(s), depth + 1));
    return parts.every(isObject) ? Object.assign({}, ...parts) : parts[0]!;
  }
  const types = typeof schema.type === 'string' ? [schema.type] : Array.isArray(schema.type) ? schema.type : [];
  const type = types.find((t) => t !== 'null') ?? types[0] ?? (isObject(schema.properties) ? 'object' : undefined);
  switch (type) {
    case 'string': {
      const format = typeof schema.format === 'string' ? FORMAT_SAMPLES[schema.format] : undefined;
      const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
      const text = format ?? 'example';
      return text.length >= min ? text : text.padEnd(min, 'x');
    }
    case 'integer':
    case 'number': {
      let n = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : 0;
      if (type === 'integer') n = Math.ceil(n);
      return n;
    }
    case 'boolean':
      return false;
    case 'null':
      return null;
    case 'array': {
      const count = typeof schema.minItems === 'number' ? schema.minItems : 0;
      const items = schema.items;
      return Array.from({ length: count }, (_, i) => minimalValue(at(Array.isArray(items) ? items[i] : items), depth + 1));
    }
    case 'object': {
      const out: JsonObject = {};
      const props = isObject(schema.properties) ? schema.properties : {};
      for (const key of Array.isArray(schema.required) ? schema.required : []) {
        if (typeof key === 'string') setOwn(out, key, minimalValue(at(props[key]), depth + 1));
      }
      return withPrototypeNames(out, schema, root, depth);
    }
    default:
      return null;
  }
}

/** The value without the object fields its schema does not declare (the generated types lack them). */
export function fitToSchema(value: JsonValue, node: SchemaNode | undefined, depth = 0): JsonValue {
  const resolved = node && resolveNode(node);
  if (!resolved || depth > MAX_DEPTH) return value;
  const { schema, root } = resolved;
  if (Array.isArray(value)) {
    const items = schema.items;
    return value.map((v, i) => fitToSchema(v, isObject(items) ? { schema: items, root } : Array.isArray(items) && isObject(items[i]) ? { schema: items[i] as JsonObject, root } : undefined, depth + 1));
  }
  if (isObject(value) && !isPlainObject(resolved)) return fitToBranches(value, resolved, depth);
  if (!isObject(value) || !isPlainObject(resolved)) return value;
  const open = schema.additionalProperties !== undefined && schema.additionalProperties !== false;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const prop = propertyOf(resolved, key);
    if (prop.known) setOwn(out, key, fitToSchema(v, prop.node, depth + 1));
    else if (open || schema.patternProperties !== undefined) setOwn(out, key, v);
  }
  return withPrototypeNames(out, schema, root, depth);
}

/**
 * An object value under `allOf`/`anyOf`/`oneOf` object schemas: the generated type is their
 * intersection or union, which has the properties any branch declares; other keys are dropped (an
 * object literal with them would not type-check), unless a branch is open.
 */
function fitToBranches(value: JsonObject, node: SchemaNode, depth: number): JsonValue {
  const branches: SchemaNode[] = [];
  const collect = (n: SchemaNode, d: number): void => {
    const resolved = resolveNode(n);
    if (!resolved || d > 8) return;
    branches.push(resolved);
    for (const key of ['allOf', 'anyOf', 'oneOf'] as const) {
      const list = resolved.schema[key];
      if (Array.isArray(list)) for (const b of list) if (isObject(b)) collect({ schema: b, root: resolved.root }, d + 1);
    }
  };
  collect(node, 0);
  const objects = branches.filter((b) => isPlainObject(b) || isObject(b.schema.properties));
  if (objects.length === 0 || objects.some((b) => (b.schema.additionalProperties !== undefined && b.schema.additionalProperties !== false) || b.schema.patternProperties !== undefined)) return value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) {
    const prop = objects.map((b) => propertyOf(b, key)).find((p) => p.known);
    if (prop) setOwn(out, key, fitToSchema(v, prop.node, depth + 1));
  }
  return out;
}

function instantiate(template: readonly TemplatePart[], current: JsonValue | undefined): string {
  const fill = typeof current === 'string' && current !== '' ? current : 'example';
  return template.map((p) => ('text' in p ? p.text : fill)).join('');
}

function fitsPresent(cond: FieldCondition, value: JsonValue): boolean {
  const p = cond.present;
  if (!p || p.kind !== 'values') return true;
  if ((p.literals as JsonValue[]).some((l) => l === value)) return true;
  return typeof value === 'string' && p.templates.some((t) => new RegExp(`^${t.map((x) => ('text' in x ? x.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '[\\s\\S]*')).join('')}$`).test(value));
}

function isPrimitive(value: JsonValue): value is JsonPrimitive {
  return value === null || typeof value !== 'object';
}

function pickLeaf(cond: FieldCondition, node: SchemaNode | undefined, current: JsonValue | undefined): JsonValue {
  const domain = domainOf(node);
  const p = cond.present;
  const candidates: (JsonValue | undefined)[] = [current];
  if (p?.kind === 'values') candidates.push(...p.literals, ...p.templates.map((t) => instantiate(t, current)));
  candidates.push(...numericCandidates(cond.tests));
  if (typeof current === 'string') candidates.push(`${current}-other`, `other-${current}`);
  if (domain.kind === 'finite') candidates.push(...domain.values);
  candidates.push(minimalValue(node));
  const allowed = (c: JsonValue): boolean => !isPrimitive(c) || allowsValue(domain, c);
  for (const c of candidates) {
    if (c !== undefined && allowed(c) && fitsPresent(cond, c) && passesAll(cond.tests, c)) return c;
  }
  for (const c of candidates) if (c !== undefined && allowed(c) && fitsPresent(cond, c)) return c;
  return current ?? minimalValue(node);
}

/** `value` changed so that the first alternative of `refinement` holds for it. */
export function sampleFor(refinement: Refinement, node: SchemaNode | undefined, value: JsonValue | undefined): JsonValue {
  const base = isObject(value) ? { ...value } : (minimalValue(node) as JsonValue);
  const conj = refinement[0];
  // Filters are finite (route files nest at most 64 levels), so this follows them all the way down, as
  // narrowing does; MAX_DEPTH bounds only what recursive schemas make up (minimalValue, fitToSchema).
  if (!conj || !isObject(base)) return base ?? {};
  for (const [key, cond] of conj) {
    const prop = propertyOf(node, key);
    if (!prop.known) continue;
    const current = Object.hasOwn(base, key) ? base[key] : undefined;
    if (cond.present === null) {
      delete base[key];
    } else if (cond.present.kind === 'object') {
      if (cond.absent && current === undefined && !prop.required) continue;
      setOwn(base, key, sampleFor(cond.present.refinement, prop.node, current ?? minimalValue(prop.node)));
    } else if (!(cond.absent && current === undefined && !prop.required)) {
      setOwn(base, key, pickLeaf(cond, prop.node, current));
    }
  }
  return base;
}

// Reading a JSON Schema for narrowing: follow local `$ref`s, find a property and whether it is
// required, tell whether a value is a plain object, and the set of values a field may hold (its
// domain). Anything this file does not understand (anyOf, oneOf, allOf of several, remote refs) is
// "unknown": narrowing then keeps the field's type as the schema gives it, which is always sound.
import type { JsonObject, JsonValue } from '../../model/types';
import type { JsonPrimitive } from '../ts/names';

/** A schema with the root its `$ref`s resolve against. */
export interface SchemaNode {
  schema: JsonObject;
  root: JsonObject;
  /** Children that do not come from `properties` (the envelope's `detail`, whose refs have another root). */
  children?: Record<string, SchemaNode>;
}

export type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'null' | 'object' | 'array';

/** What values a field may hold. */
export type Domain =
  /** One of these (from `enum` or `const`). */
  | { kind: 'finite'; values: JsonPrimitive[] }
  /** Any value of these JSON types. */
  | { kind: 'types'; types: ReadonlySet<JsonType> }
  | { kind: 'unknown' };

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: JsonValue): value is JsonPrimitive {
  return value === null || typeof value !== 'object';
}

function pointerGet(root: JsonObject, ref: string): JsonObject | undefined {
  if (ref === '#') return root;
  if (!ref.startsWith('#/')) return undefined;
  let at: JsonValue | undefined = root;
  for (const raw of ref.slice(2).split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!isObject(at)) return undefined;
    at = Object.hasOwn(at, key) ? at[key] : undefined;
  }
  return isObject(at) ? at : undefined;
}

/** The node with local `$ref`s (and a single-element `allOf`) followed; undefined when a ref does not resolve. */
export function resolveNode(node: SchemaNode): SchemaNode | undefined {
  let current: SchemaNode = node;
  for (let hops = 0; hops < 32; hops++) {
    const { schema } = current;
    if (typeof schema.$ref === 'string') {
      const target = pointerGet(current.root, schema.$ref);
      if (!target) return undefined;
      current = { schema: target, root: current.root };
      continue;
    }
    if (Array.isArray(schema.allOf) && schema.allOf.length === 1 && isObject(schema.allOf[0]) && Object.keys(schema).every((k) => ['allOf', 'description', 'title', '$comment'].includes(k))) {
      current = { schema: schema.allOf[0], root: current.root };
      continue;
    }
    return current;
  }
  return undefined;
}

function typesOf(schema: JsonObject): Set<JsonType> | undefined {
  const t = schema.type;
  const list = typeof t === 'string' ? [t] : Array.isArray(t) ? t : undefined;
  if (!list || list.length === 0) return undefined;
  const out = new Set<JsonType>();
  for (const x of list) if (typeof x === 'string') out.add(x as JsonType);
  return out;
}

/** The values a node allows. */
export function domainOf(node: SchemaNode | undefined): Domain {
  const resolved = node && resolveNode(node);
  if (!resolved) return { kind: 'unknown' };
  const { schema } = resolved;
  if (schema.const !== undefined) return isPrimitive(schema.const) ? { kind: 'finite', values: [schema.const] } : { kind: 'unknown' };
  if (Array.isArray(schema.enum)) {
    if (!schema.enum.every(isPrimitive)) return { kind: 'unknown' };
    const types = typesOf(schema);
    // `type` beside `enum` further restricts it.
    const values = (schema.enum as JsonPrimitive[]).filter((v) => !types || types.has(jsonTypeOf(v)) || (typeof v === 'number' && types.has('number')));
    return { kind: 'finite', values };
  }
  if (schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined || schema.not !== undefined || schema.if !== undefined) return { kind: 'unknown' };
  const types = typesOf(schema);
  return types ? { kind: 'types', types } : { kind: 'unknown' };
}

export function jsonTypeOf(value: JsonPrimitive): JsonType {
  if (value === null) return 'null';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as 'string' | 'boolean';
}

/** Whether a value of this domain can be an array (then EventBridge matches its elements, not the value). */
export function mayBeArray(domain: Domain): boolean {
  if (domain.kind === 'finite') return false;
  if (domain.kind === 'unknown') return true;
  return domain.types.has('array');
}

/** Whether a domain allows a value of this primitive type. */
export function allowsValue(domain: Domain, value: JsonPrimitive): boolean {
  if (domain.kind === 'unknown') return true;
  if (domain.kind === 'finite') return domain.values.some((v) => v === value);
  const t = jsonTypeOf(value);
  if (t === 'integer') return domain.types.has('integer') || domain.types.has('number');
  if (t === 'number') return domain.types.has('number');
  return domain.types.has(t);
}

/** A plain object schema (properties known, never null or an array): one that narrowing may descend into. */
export function isPlainObject(node: SchemaNode | undefined): boolean {
  const resolved = node && resolveNode(node);
  if (!resolved) return false;
  const { schema } = resolved;
  if (schema.anyOf !== undefined || schema.oneOf !== undefined || schema.allOf !== undefined) return false;
  const types = typesOf(schema);
  if (types) return types.size === 1 && types.has('object');
  return isObject(schema.properties) && schema.enum === undefined && schema.const === undefined;
}

/**
 * A property of an object node: its schema (undefined when the schema does not describe it), whether
 * it is required, and whether the generated type has it (a declared property or an index signature).
 */
export function propertyOf(node: SchemaNode | undefined, key: string): { node: SchemaNode | undefined; required: boolean; known: boolean } {
  const resolved = node && resolveNode(node);
  if (!resolved) return { node: undefined, required: false, known: false };
  if (resolved.children && Object.hasOwn(resolved.children, key)) return { node: resolved.children[key], required: true, known: true };
  const { schema } = resolved;
  const required = Array.isArray(schema.required) && schema.required.includes(key);
  const props = schema.properties;
  if (isObject(props) && Object.hasOwn(props, key) && isObject(props[key])) return { node: { schema: props[key] as JsonObject, root: resolved.root }, required, known: true };
  // `true` allows any value (its type is unknown); `false` allows none (no such property).
  if (isObject(props) && Object.hasOwn(props, key) && props[key] === true) return { node: undefined, required, known: true };
  // A map (`additionalProperties: <schema>`): every other key has that schema (the type has an index signature).
  const extra = schema.additionalProperties;
  if (isObject(extra) && schema.patternProperties === undefined) return { node: { schema: extra, root: resolved.root }, required, known: true };
  return { node: undefined, required, known: false };
}

/** A JSON Schema for the whole EventBridge envelope of an event type, `detail` being its detail schema. */
export function envelopeNode(source: string, detailType: string, detailSchema: JsonObject): SchemaNode {
  const str = { type: 'string' };
  const schema: JsonObject = {
    type: 'object',
    required: ['version', 'id', 'detail-type', 'source', 'account', 'time', 'region', 'resources', 'detail'],
    properties: {
      version: str,
      id: str,
      'detail-type': { type: 'string', const: detailType },
      source: { type: 'string', const: source },
      account: str,
      time: str,
      region: str,
      resources: { type: 'array', items: str },
      detail: { type: 'object' },
    },
  };
  return { schema, root: schema, children: { detail: { schema: detailSchema, root: detailSchema } } };
}

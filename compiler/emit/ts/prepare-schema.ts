// An event's detail schema made ready for json-schema-to-typescript, so that the types say exactly
// what the schema says and nothing else:
//   - the root is named after the event type (its own `title`, if any, would rename it);
//   - jstt's own extension keywords (`tsType`, `tsEnumNames`) are dropped: a schema must not inject code;
//   - `$ref` with sibling keywords becomes `allOf: [{ $ref }]` plus the `description`: draft-07 ignores
//     the siblings of `$ref`, and jstt would otherwise declare a renamed copy of the referenced type
//     (AttributeMap1) only to carry the description, which now documents the property instead
//     (`definitions` beside a root `$ref` stay: they are what it points into);
//   - a tuple (`items` as a list) without `additionalItems` allows more items (draft-07): it says so
//     (`additionalItems: true`), or jstt would close it to exactly the listed items;
//   - a schema with no keyword that decides the kind of value (only `description`, `format`, `minimum`,
//     `not`, ...) is `unknown`: jstt would type it as an object, saying more than the schema.
import type { JsonObject, JsonValue } from '../../model/types';

/** Keywords whose value is a schema. */
const SCHEMA_KEYS = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LIST_KEYS = new Set(['allOf', 'anyOf', 'oneOf', 'items']);
/** Keywords whose value maps names to schemas. */
const SCHEMA_MAP_KEYS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
const DROPPED_KEYS = new Set(['tsType', 'tsEnumNames']);
/** Keywords from which jstt derives the kind of a value (anything else leaves it open: unknown). */
const KIND_KEYS = new Set([
  'type', 'enum', 'const', '$ref', 'allOf', 'anyOf', 'oneOf',
  'properties', 'patternProperties', 'additionalProperties', 'required', 'propertyNames', 'minProperties', 'maxProperties', 'dependencies',
  'items', 'additionalItems', 'contains', 'minItems', 'maxItems', 'uniqueItems',
]);

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function prepareNode(node: JsonValue): JsonValue {
  if (!isObject(node)) return node;
  if (typeof node.$ref === 'string' && Object.keys(node).some((k) => k !== '$ref')) {
    const out: JsonObject = { allOf: [{ $ref: node.$ref }] };
    if (typeof node.description === 'string') out.description = node.description;
    for (const key of ['definitions', '$defs']) {
      const defs = node[key];
      if (isObject(defs)) out[key] = Object.fromEntries(Object.entries(defs).map(([k, v]) => [k, prepareNode(v)]));
    }
    return out;
  }
  const out: JsonObject = {};
  const keys = Object.keys(node).filter((k) => !DROPPED_KEYS.has(k));
  if (keys.length > 0 && !keys.some((k) => KIND_KEYS.has(k))) out.tsType = 'unknown';
  if (Array.isArray(node.items) && node.additionalItems === undefined) out.additionalItems = true;
  for (const [key, value] of Object.entries(node)) {
    if (DROPPED_KEYS.has(key)) continue;
    if (SCHEMA_MAP_KEYS.has(key) && isObject(value)) {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, Array.isArray(v) ? v : prepareNode(v)]));
    } else if (SCHEMA_LIST_KEYS.has(key) && Array.isArray(value)) {
      out[key] = value.map(prepareNode);
    } else if (SCHEMA_KEYS.has(key)) {
      out[key] = prepareNode(value);
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The schema to give json-schema-to-typescript for the detail type `name`. */
export function prepareDetailSchema(name: string, schema: JsonObject): JsonObject {
  const prepared = prepareNode(schema) as JsonObject;
  const { title: _title, $id: _id, ...rest } = prepared;
  return { ...rest, title: name };
}

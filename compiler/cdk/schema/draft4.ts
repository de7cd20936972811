// JSON Schema draft-07 -> draft-04, the dialect the EventBridge schema registry (JSONSchemaDraft4) and
// API Gateway models accept. Keywords with a draft-04 equivalent are rewritten exactly (const, numeric
// exclusive bounds, if/then/else, $defs, boolean schemas); annotations draft-04 does not know are
// dropped; the few assertions it cannot express (contains, propertyNames) are dropped and reported as
// losses, which makes the converted schema accept a little more, never less.
import type { JsonObject, JsonValue } from '../../model/types';

export const DRAFT4_URI = 'http://json-schema.org/draft-04/schema#';

export interface Draft4Result {
  schema: JsonObject;
  /** JSON pointers of the keywords that could not be expressed, e.g. "/properties/tags/contains". */
  losses: string[];
}

const DROPPED_ANNOTATIONS = new Set(['$schema', '$comment', 'examples', 'readOnly', 'writeOnly', 'contentMediaType', 'contentEncoding']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions']);
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);
const SINGLE_SCHEMAS = new Set(['additionalProperties', 'additionalItems', 'not']);

const isObject = (v: JsonValue | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const escape = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

export function toDraft4(schema: JsonValue): Draft4Result {
  const losses: string[] = [];
  const converted = convert(schema, '', losses);
  return { schema: { $schema: DRAFT4_URI, ...converted }, losses };
}

function convert(schema: JsonValue, pointer: string, losses: string[]): JsonObject {
  if (schema === true) return {};
  if (schema === false) return { not: {} };
  if (!isObject(schema)) return {};
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const at = `${pointer}/${escape(key)}`;
    if (DROPPED_ANNOTATIONS.has(key)) continue;
    if (key === 'contains' || key === 'propertyNames') {
      losses.push(at);
      continue;
    }
    if (key === 'if' || key === 'then' || key === 'else') continue; // handled below
    if (key === '$id') out.id = value;
    else if (key === '$ref') out.$ref = typeof value === 'string' ? value.replace(/^#\/\$defs\//, '#/definitions/') : value;
    else if (key === 'const') out.enum = [value];
    else if (key === 'required') {
      if (Array.isArray(value) && value.length > 0) out.required = value;
    } else if (key === '$defs' || SCHEMA_MAPS.has(key)) {
      const target = key === '$defs' ? 'definitions' : key;
      const map = isObject(out[target]) ? (out[target] as JsonObject) : {};
      for (const [name, sub] of Object.entries(isObject(value) ? value : {})) map[name] = convert(sub, `${at}/${escape(name)}`, losses);
      out[target] = map;
    } else if (SCHEMA_LISTS.has(key)) {
      out[key] = Array.isArray(value) ? value.map((sub, i) => convert(sub, `${at}/${i}`, losses)) : value;
    } else if (SINGLE_SCHEMAS.has(key)) {
      out[key] = typeof value === 'boolean' && key !== 'not' ? value : convert(value, at, losses);
    } else if (key === 'items') {
      out.items = Array.isArray(value) ? value.map((sub, i) => convert(sub, `${at}/${i}`, losses)) : convert(value, at, losses);
    } else if (key === 'dependencies') {
      const deps: JsonObject = {};
      for (const [name, dep] of Object.entries(isObject(value) ? value : {})) deps[name] = Array.isArray(dep) ? dep : convert(dep, `${at}/${escape(name)}`, losses);
      out.dependencies = deps;
    } else out[key] = value;
  }
  convertExclusiveBound(schema, out, 'exclusiveMinimum', 'minimum', (a, b) => a >= b);
  convertExclusiveBound(schema, out, 'exclusiveMaximum', 'maximum', (a, b) => a <= b);
  if (out.enum !== undefined && schema.enum !== undefined && schema.const !== undefined) {
    // const and enum together: the value must satisfy both.
    const c = JSON.stringify(schema.const);
    out.enum = (schema.enum as JsonValue[]).some((v) => JSON.stringify(v) === c) ? [schema.const] : [];
  }
  if (schema.if !== undefined) {
    const cond = convert(schema.if, `${pointer}/if`, losses);
    const then = schema.then === undefined ? {} : convert(schema.then, `${pointer}/then`, losses);
    const otherwise = schema.else === undefined ? {} : convert(schema.else, `${pointer}/else`, losses);
    const branch: JsonObject = { anyOf: [{ allOf: [cond, then] }, { allOf: [{ not: cond }, otherwise] }] };
    out.allOf = [...(Array.isArray(out.allOf) ? out.allOf : []), branch];
  }
  return out;
}

/** draft-07 `exclusiveMinimum: 5` is draft-04 `minimum: 5, exclusiveMinimum: true` (keeping the stricter bound). */
function convertExclusiveBound(source: JsonObject, out: JsonObject, exclusive: 'exclusiveMinimum' | 'exclusiveMaximum', inclusive: 'minimum' | 'maximum', inclusiveIsStricter: (inclusiveBound: number, exclusiveBound: number) => boolean): void {
  const bound = source[exclusive];
  delete out[exclusive];
  if (typeof bound !== 'number') return;
  const existing = source[inclusive];
  if (typeof existing === 'number' && existing !== bound && inclusiveIsStricter(existing, bound)) return;
  out[inclusive] = bound;
  out[exclusive] = true;
}

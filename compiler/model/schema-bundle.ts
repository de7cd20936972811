// Makes an event schema self-contained: schema files referenced with `$ref` are embedded under the
// root's `definitions` (named after the file), and their references rewritten to point there.
// Pure: the files were read by compiler/load/schema-files.ts.
import type { SchemaFiles } from '../load/schema-files';
import { resolveSchemaRef } from '../load/schema-files';
import { constructId } from './ids';
import { jsonText } from './json-text';
import type { JsonObject, JsonValue } from './types';

export interface BundleProblem {
  /** JSON pointer inside the schema where the bad reference is. */
  pointer: string;
  message: string;
  hint: string;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}

function fragmentOf(ref: string): string {
  const i = ref.indexOf('#');
  return i === -1 ? '' : ref.slice(i + 1);
}

function resolveFragment(value: unknown, fragment: string): unknown {
  if (fragment === '' || fragment === '/') return value;
  let node: unknown = value;
  for (const token of fragment.slice(1).split('/').map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'))) {
    if (node && typeof node === 'object' && token in (node as object)) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}

export function bundleSchema(schema: JsonObject, fromFile: string, files: SchemaFiles): { schema: JsonObject; problems: BundleProblem[] } {
  // Most schemas reference nothing: share them as they are (the model is never mutated).
  if (!jsonText(schema).includes('"$ref"')) return { schema, problems: [] };
  const problems: BundleProblem[] = [];
  const definitions: Record<string, JsonValue> = {};
  const keyOfFile = new Map<string, string>();
  const usedKeys = new Set<string>();

  const embed = (path: string): string => {
    const existing = keyOfFile.get(path);
    if (existing) return existing;
    const base = constructId(path.split('/').pop()!.replace(/\.(json|ya?ml)$/, ''));
    let key = base;
    for (let n = 2; usedKeys.has(key) || (schema.definitions && key in (schema.definitions as object)); n++) key = `${base}${n}`;
    usedKeys.add(key);
    keyOfFile.set(path, key);
    const file = files.get(path)!;
    definitions[key] = rewrite(clone(file.value) as JsonValue, path, `#/definitions/${key}`, '');
    return key;
  };

  /** Rewrites references in `node`, a part of the file `file` embedded at `base` (a ref prefix). */
  function rewrite(node: JsonValue, file: string, base: string, pointer: string): JsonValue {
    if (Array.isArray(node)) return node.map((item, i) => rewrite(item, file, base, `${pointer}/${i}`));
    if (!node || typeof node !== 'object') return node;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') {
        if (child.startsWith('#')) {
          out[key] = base === '' ? child : `${base}${child.slice(1)}`;
          continue;
        }
        const path = resolveSchemaRef(file, child);
        const target = path === undefined ? undefined : files.get(path);
        if (!path || !target || target.error) {
          problems.push({
            pointer: `${pointer}/$ref`,
            message: path === undefined ? `the schema reference "${child}" points outside the project or is not a file path` : `the schema file "${path}" cannot be loaded: ${target?.error ?? 'it was not found'}`,
            hint: 'use a relative path to a .json or .yaml file inside the project, e.g. `$ref: ./schemas/order.json`',
          });
          out[key] = child;
          continue;
        }
        const fragment = fragmentOf(child);
        if (resolveFragment(target.value, fragment) === undefined) {
          problems.push({ pointer: `${pointer}/$ref`, message: `"${child}": the file has nothing at "#${fragment}"`, hint: 'point at an existing definition, e.g. `./schemas/common.json#/definitions/Address`' });
        }
        out[key] = `#/definitions/${embed(path)}${fragment}`;
        continue;
      }
      out[key] = rewrite(child, file, base, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    }
    return out;
  }

  // A root that is only a file reference (plus annotations) becomes that file's schema.
  const rootRef = typeof schema.$ref === 'string' && !schema.$ref.startsWith('#') ? schema.$ref : undefined;
  let root: JsonObject;
  if (rootRef !== undefined) {
    const path = resolveSchemaRef(fromFile, rootRef);
    const target = path === undefined ? undefined : files.get(path);
    const resolved = target && !target.error ? resolveFragment(target.value, fragmentOf(rootRef)) : undefined;
    if (!path || !target || target.error || !resolved || typeof resolved !== 'object' || Array.isArray(resolved)) {
      problems.push({
        pointer: '/$ref',
        message: !path
          ? `the schema reference "${rootRef}" points outside the project or is not a file path`
          : target?.error
            ? `the schema file "${path}" cannot be loaded: ${target.error}`
            : `the schema file "${path}" does not hold a JSON Schema object${fragmentOf(rootRef) ? ` at "#${fragmentOf(rootRef)}"` : ''}`,
        hint: 'use a relative path to a .json or .yaml file holding the JSON Schema of `detail`',
      });
      return { schema: { type: 'object' }, problems };
    }
    const { $ref: _ignored, ...annotations } = schema;
    // Without a fragment the file becomes the root (its local references stay valid). With one, the
    // whole file is embedded and the fragment's local references are pointed into the embedded copy.
    const base = fragmentOf(rootRef) ? `#/definitions/${embed(path)}` : '';
    root = { ...(rewrite(clone(resolved) as JsonValue, path, base, '') as JsonObject), ...annotations };
  } else {
    root = rewrite(schema, fromFile, '', '') as JsonObject;
  }
  if (Object.keys(definitions).length > 0) {
    root.definitions = { ...((root.definitions as JsonObject | undefined) ?? {}), ...definitions };
  }
  return { schema: root, problems };

}

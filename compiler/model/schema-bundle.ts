// Makes an event schema self-contained: schema files referenced with `$ref` are embedded under the
// root's `definitions` (named after the file), and their references rewritten to point there.
// Pure: the files were read by compiler/load/schema-files.ts.
import type { SchemaFiles } from '../load/schema-files';
import { resolveSchemaRef } from '../load/schema-files';
import { constructId } from './ids';
import { checkLocalRefs } from './schema-refs';
import { jsonText } from './json-text';
import type { JsonObject, JsonValue } from './types';

export interface BundleProblem {
  /** ER1010 (a file that cannot be read), ER3043 (a reference that is not allowed), ER3016 (a bad local reference). */
  code: string;
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

  /** The embedded files by definitions key, and the YAML pointer of the reference that embedded each. */
  const embedded = new Map<string, { path: string; at: string }>();
  const embed = (path: string, at: string): string => {
    const existing = keyOfFile.get(path);
    if (existing) return existing;
    const base = constructId(path.split('/').pop()!.replace(/\.(json|ya?ml)$/, ''));
    let key = base;
    for (let n = 2; usedKeys.has(key) || (schema.definitions && key in (schema.definitions as object)); n++) key = `${base}${n}`;
    usedKeys.add(key);
    keyOfFile.set(path, key);
    embedded.set(key, { path, at });
    const file = files.get(path)!;
    definitions[key] = rewrite(clone(file.value) as JsonValue, path, `#/definitions/${key}`, '', at);
    return key;
  };

  /**
   * Rewrites references in `node`, a part of the file `file` embedded at `base` (a ref prefix). `at` is
   * the YAML pointer problems inside an embedded file are reported at (the reference that embedded it);
   * undefined for the route file's own schema, whose pointers are YAML pointers.
   */
  function rewrite(node: JsonValue, file: string, base: string, pointer: string, at: string | undefined): JsonValue {
    if (Array.isArray(node)) return node.map((item, i) => rewrite(item, file, base, `${pointer}/${i}`, at));
    if (!node || typeof node !== 'object') return node;
    const out: JsonObject = {};
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') {
        if (child.startsWith('#')) {
          out[key] = base === '' ? child : `${base}${child.slice(1)}`;
          continue;
        }
        const where = at ?? `${pointer}/$ref`;
        const inFile = at === undefined ? '' : `in ${file}: `;
        const problem = fileRefProblem(child, resolveSchemaRef(file, child), files);
        if (problem) {
          problems.push({ code: problem.code, pointer: where, message: `${inFile}${problem.message}`, hint: problem.hint });
          out[key] = child;
          continue;
        }
        const path = resolveSchemaRef(file, child)!;
        const target = files.get(path)!;
        const fragment = fragmentOf(child);
        if (resolveFragment(target.value, fragment) === undefined) {
          problems.push({ code: 'ER3043', pointer: where, message: `${inFile}"${child}": the file has nothing at "#${fragment}"`, hint: 'point at an existing definition, e.g. `./schemas/common.json#/definitions/Address`' });
        }
        out[key] = `#/definitions/${embed(path, where)}${fragment}`;
        continue;
      }
      out[key] = rewrite(child, file, base, `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, at);
    }
    return out;
  }

  // A root that is only a file reference (plus annotations) becomes that file's schema.
  const rootRef = typeof schema.$ref === 'string' && !schema.$ref.startsWith('#') ? schema.$ref : undefined;
  let root: JsonObject;
  if (rootRef !== undefined) {
    const path = resolveSchemaRef(fromFile, rootRef);
    const problem = fileRefProblem(rootRef, path, files);
    const target = path === undefined ? undefined : files.get(path);
    const resolved = target && !target.error ? resolveFragment(target.value, fragmentOf(rootRef)) : undefined;
    if (problem || !path || !resolved || typeof resolved !== 'object' || Array.isArray(resolved)) {
      problems.push(
        problem
          ? { ...problem, pointer: '/$ref', hint: 'use a relative path to a .json or .yaml file holding the JSON Schema of `detail`' }
          : {
              code: 'ER3043',
              pointer: '/$ref',
              message: `the schema file "${path}" does not hold a JSON Schema object${fragmentOf(rootRef) ? ` at "#${fragmentOf(rootRef)}"` : ''}`,
              hint: 'use a relative path to a .json or .yaml file holding the JSON Schema of `detail`',
            },
      );
      return { schema: { type: 'object' }, problems };
    }
    const { $ref: _ignored, ...annotations } = schema;
    // Without a fragment the file becomes the root (its local references stay valid). With one, the
    // whole file is embedded and the fragment's local references are pointed into the embedded copy.
    const base = fragmentOf(rootRef) ? `#/definitions/${embed(path, '/$ref')}` : '';
    root = { ...(rewrite(clone(resolved) as JsonValue, path, base, '', '/$ref') as JsonObject), ...annotations };
  } else {
    root = rewrite(schema, fromFile, '', '', undefined) as JsonObject;
  }
  if (Object.keys(definitions).length > 0) {
    root.definitions = { ...((root.definitions as JsonObject | undefined) ?? {}), ...definitions };
  }
  // Local references of the whole bundle, reported where the YAML shows them.
  for (const p of checkLocalRefs(root)) {
    const key = /^\/definitions\/([^/]+)/.exec(p.pointer)?.[1];
    const from = key === undefined ? undefined : embedded.get(key.replace(/~1/g, '/').replace(/~0/g, '~'));
    if (rootRef !== undefined) problems.push({ code: 'ER3016', pointer: '/$ref', message: `in ${resolveSchemaRef(fromFile, rootRef)}: ${p.message}`, hint: p.hint });
    else if (from) problems.push({ code: 'ER3016', pointer: from.at, message: `in ${from.path}: ${p.message.split(`"#/definitions/${key}`).join('"#')}`, hint: p.hint });
    else problems.push({ code: 'ER3016', ...p });
  }
  return { schema: root, problems };

}

/** Why a file reference cannot be bundled, or undefined when its file was read. */
function fileRefProblem(ref: string, path: string | undefined, files: SchemaFiles): Omit<BundleProblem, 'pointer'> | undefined {
  const hint = 'use a relative path to a .json or .yaml file inside the project, e.g. `$ref: ./schemas/order.json`';
  const filePart = ref.split('#')[0];
  if (filePart.startsWith('/') || filePart.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(filePart)) {
    return { code: 'ER3043', message: `the schema reference "${ref}" is an absolute path; absolute paths are not allowed`, hint };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(filePart)) {
    return { code: 'ER3043', message: `the schema reference "${ref}" is a URL; remote references are not allowed`, hint };
  }
  if (path === undefined) return { code: 'ER3043', message: `the schema reference "${ref}" points outside the project`, hint };
  const target = files.get(path);
  if (!target) return { code: 'ER1010', message: `the schema file "${path}" cannot be loaded: it was not found`, hint };
  if (target.folder) return { code: 'ER3043', message: `the schema reference "${ref}" names a directory ("${path}"), not a file`, hint };
  if (target.error) return { code: 'ER1010', message: `the schema file "${path}" cannot be loaded: ${target.error}`, hint };
  return undefined;
}

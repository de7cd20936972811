// Local `$ref`s of a (bundled, self-contained) event schema: each must point at a part of the schema,
// and references must not go round in a circle without describing a value (`C: { $ref: C }`,
// C -> D -> C, `{ $ref: "#" }` at the root, `allOf: [{ $ref: C }]` inside C). Such schemas validate
// nothing (a validator would recurse forever) and have no TypeScript type. Recursion through a
// property or a list item (a tree: `children: { items: { $ref: Node } }`) is fine.
import type { JsonObject, JsonValue } from './types';

export interface RefProblem {
  /** JSON pointer of the `$ref` inside the schema. */
  pointer: string;
  message: string;
  hint: string;
}

/** Keywords that apply their schema to the same value (no step into a property or an item). */
const IN_PLACE_ONE = ['not', 'if', 'then', 'else'];
const IN_PLACE_LIST = ['allOf', 'anyOf', 'oneOf'];

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function token(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** The value at a `#...` reference: a JSON pointer fragment, or a plain-name `$id` anchor. */
function resolveLocal(root: JsonValue, ref: string, anchors: Map<string, JsonValue>): { found: true; value: JsonValue } | { found: false; missing: string } {
  const fragment = ref.slice(1);
  if (fragment === '' || fragment === '/') return { found: true, value: root };
  if (!fragment.startsWith('/')) {
    const anchored = anchors.get(`#${fragment}`);
    return anchored === undefined ? { found: false, missing: `no subschema has \`$id: "#${fragment}"\`` } : { found: true, value: anchored };
  }
  let node: JsonValue = root;
  let path = '#';
  for (const raw of fragment.slice(1).split('/')) {
    let key: string;
    try {
      key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    } catch {
      key = raw;
    }
    const next: JsonValue | undefined = Array.isArray(node) ? (/^(0|[1-9][0-9]*)$/.test(key) ? node[Number(key)] : undefined) : isObject(node) ? (Object.hasOwn(node, key) ? node[key] : undefined) : undefined;
    if (next === undefined) return { found: false, missing: path === '#' ? `the schema has no "${key}"` : `"${path}" has no "${key}"` };
    node = next;
    path += `/${raw}`;
  }
  return { found: true, value: node };
}

interface RefNode {
  pointer: string;
  ref: string;
  node: JsonObject;
  target?: JsonValue;
}

/** Problems of the local references of `root` (pointers relative to the schema root). */
export function checkLocalRefs(root: JsonObject): RefProblem[] {
  const refs: RefNode[] = [];
  const anchors = new Map<string, JsonValue>();
  const walk = (node: JsonValue, pointer: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${pointer}/${i}`));
      return;
    }
    if (!isObject(node)) return;
    if (typeof node.$id === 'string' && node.$id.startsWith('#') && !anchors.has(node.$id)) anchors.set(node.$id, node);
    for (const [key, child] of Object.entries(node)) {
      if (key === '$ref' && typeof child === 'string') refs.push({ pointer, ref: child, node });
      // `enum`, `const`, `examples` and `default` hold values, not schemas.
      else if (key !== 'enum' && key !== 'const' && key !== 'examples' && key !== 'default') walk(child, `${pointer}/${token(key)}`);
    }
  };
  walk(root, '');

  const problems: RefProblem[] = [];
  for (const r of refs) {
    if (!r.ref.startsWith('#')) continue; // file references were bundled (and reported) before
    const resolved = resolveLocal(root, r.ref, anchors);
    if (!resolved.found) {
      problems.push({
        pointer: `${r.pointer}/$ref`,
        message: `the reference "${r.ref}" points at nothing: ${resolved.missing}`,
        hint: 'point it at an existing part of the schema, e.g. `$ref: "#/definitions/Address"` with `definitions: { Address: { type: object } }`',
      });
    } else if (!isObject(resolved.value) && typeof resolved.value !== 'boolean') {
      problems.push({ pointer: `${r.pointer}/$ref`, message: `the reference "${r.ref}" points at ${Array.isArray(resolved.value) ? 'a list' : JSON.stringify(resolved.value)}, not at a schema`, hint: 'point it at a schema (an object), e.g. `#/definitions/Address`' });
    } else r.target = resolved.value;
  }

  // Which reference nodes each reference reaches without stepping into a property or an item.
  const refByNode = new Map(refs.filter((r) => r.target !== undefined).map((r) => [r.node, r]));
  const reach = new Map<RefNode, Set<RefNode>>();
  for (const r of refByNode.values()) {
    const seen = new Set<JsonValue>();
    const found = new Set<RefNode>();
    const stack: JsonValue[] = [r.target!];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (!isObject(node) || seen.has(node)) continue;
      seen.add(node);
      const other = refByNode.get(node);
      if (other) {
        found.add(other);
        stack.push(other.target!);
      }
      for (const key of IN_PLACE_ONE) if (node[key] !== undefined) stack.push(node[key]);
      for (const key of IN_PLACE_LIST) if (Array.isArray(node[key])) stack.push(...(node[key] as JsonValue[]));
    }
    reach.set(r, found);
  }
  const cyclic = [...refByNode.values()].filter((r) => reach.get(r)!.has(r));
  const reported = new Set<RefNode>();
  for (const r of cyclic) {
    if (reported.has(r)) continue;
    const circle = cyclic.filter((o) => reach.get(r)!.has(o) && reach.get(o)!.has(r));
    circle.forEach((o) => reported.add(o));
    const what = circle.length === 1 ? `the reference "${r.ref}" refers to itself` : `the references ${circle.map((o) => `"${o.ref}"`).join(' -> ')} go round in a circle`;
    problems.push({
      pointer: `${r.pointer}/$ref`,
      message: `${what} without describing any value`,
      hint: 'give the definition its own `type` and properties; a recursive schema must recurse through a property or a list item (e.g. `children: { type: array, items: { $ref: "#/definitions/Node" } }`)',
    });
  }
  return problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

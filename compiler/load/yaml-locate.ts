// JSON pointer -> line and column in a parsed document (big mappings are indexed once).
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Pair, type YAMLMap } from 'yaml';
import type { Position, YamlNode } from './yaml-positions';

const pairIndexes = new WeakMap<YAMLMap, Map<string, Pair>>();

/** The (first) pair of a mapping with the scalar key `name`; big mappings are indexed once (many diagnostics locate in them). */
function pairNamed(map: YAMLMap, name: string): Pair | undefined {
  const items = map.items as Pair[];
  if (items.length < 32) return items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
  let index = pairIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const p of items) if (isPair(p) && isScalar(p.key) && !index.has(String(p.key.value))) index.set(String(p.key.value), p);
    pairIndexes.set(map, index);
  }
  return index.get(name);
}

/**
 * The position of the value at `pointer` (or of its key with `atKey`). A pointer that runs past the
 * document (a missing property) lands on the deepest existing ancestor: its key when it has one.
 */
export function locatePointer(doc: Document, pointer: string, atKey: boolean, at: (offset: number) => Position): Position {
  const tokens = pointer === '' ? [] : pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node: YamlNode = doc.contents;
  let keyNode: YamlNode = undefined;
  let complete = true;
  for (const token of tokens) {
    while (isAlias(node)) node = node.resolve(doc) as YamlNode;
    let next: YamlNode = undefined;
    let nextKey: YamlNode = undefined;
    if (isMap(node)) {
      const pair = pairNamed(node as YAMLMap, token);
      if (pair) {
        nextKey = pair.key as YamlNode;
        next = (pair.value as YamlNode) ?? nextKey;
      }
    } else if (isSeq(node) && /^(0|[1-9][0-9]*)$/.test(token)) {
      next = node.items[Number(token)] as YamlNode;
    }
    if (!next) {
      complete = false;
      break;
    }
    node = next;
    keyNode = nextKey;
  }
  const target = (atKey || !complete) && keyNode ? keyNode : node;
  const offset = target?.range?.[0] ?? keyNode?.range?.[0] ?? 0;
  return at(offset);
}

// Converts a checked document to JSON data, expanding aliases within a budget (alias bombs stop
// early) and reporting values JSON cannot hold (non-finite numbers) and undefined anchors.
import { isAlias, isMap, isSeq, type Alias, type Pair, type Scalar } from 'yaml';
import { MAX_DEPTH } from './yaml-nesting';
import type { Position, PositionedDiagnostic, YamlNode } from './yaml-positions';

/**
 * Aliases may add at most this many values (nodes) to the data in all: as many as a large route file
 * holds, so reuse passes while a "billion laughs" file stops after this much work.
 */
export const MAX_ALIAS_NODES = 100_000;

/** A converted value with what aliases to it need: its size and height once expanded, its first alias. */
interface Converted {
  value: unknown;
  /** Nodes in the value with every alias expanded. */
  size: number;
  /** Levels below the value with every alias expanded (0 for a scalar). */
  height: number;
  /** The first alias inside the value (document order), where a chain of aliases continues. */
  firstAlias?: Alias;
}

class AliasBomb extends Error {
  constructor(readonly alias: Alias) {
    super('alias bomb');
  }
}

/**
 * The document as JSON data (what `doc.toJS()` gives for a checked document), checking what only the
 * data shows: numbers that JSON cannot hold (`.inf`, `.nan`, `1e400`) and aliases, which must name an
 * anchor defined before them, outside themselves, and may add at most MAX_ALIAS_NODES values in all.
 * Recursive: `checkStructure` has bounded the nesting. An alias shares its anchor's converted value.
 */
export function toData(root: YamlNode, text: string, at: (offset: number) => Position): { value: unknown; diagnostics: PositionedDiagnostic[] } {
  const diagnostics: PositionedDiagnostic[] = [];
  /** Anchors defined so far; `undefined` while the anchored value is being converted. */
  const anchors = new Map<string, Converted | undefined>();
  const aliasTargets = new Map<Alias, Converted>();
  let aliasNodes = 0;
  const report = (d: Omit<PositionedDiagnostic, 'severity' | 'pointer'>): void => {
    if (diagnostics.length < 20) diagnostics.push({ severity: 'error', pointer: '', ...d });
  };

  const convert = (node: YamlNode, level: number): Converted => {
    if (node === null || node === undefined) return { value: null, size: 1, height: 0 };
    if (isAlias(node)) return resolveAlias(node, level);
    const anchor = node.anchor;
    if (anchor) anchors.set(anchor, undefined);
    let result: Converted;
    if (isMap(node)) {
      const object: Record<string, unknown> = {};
      let size = 1;
      let height = 0;
      let firstAlias: Alias | undefined;
      for (const pair of node.items as Pair[]) {
        const keyNode = pair.key as Scalar;
        const key = String(keyNode.value);
        if (keyNode.anchor) anchors.set(keyNode.anchor, { value: key, size: 1, height: 0 });
        const child = convert(pair.value as YamlNode, level + 1);
        // A repeated key (ER1002, see yaml-structure.ts) keeps its first value, where pointers locate it.
        // As `toJS` does: a key such as `__proto__` is an own property, never the prototype.
        if (Object.hasOwn(object, key)) {
          // the first stays
        } else if (key in object) Object.defineProperty(object, key, { value: child.value, writable: true, enumerable: true, configurable: true });
        else object[key] = child.value;
        size += child.size;
        height = Math.max(height, child.height + 1);
        firstAlias ??= child.firstAlias;
      }
      result = { value: object, size, height, firstAlias };
    } else if (isSeq(node)) {
      const array: unknown[] = [];
      let size = 1;
      let height = 0;
      let firstAlias: Alias | undefined;
      for (const item of node.items) {
        const child = convert(item as YamlNode, level + 1);
        array.push(child.value);
        size += child.size;
        height = Math.max(height, child.height + 1);
        firstAlias ??= child.firstAlias;
      }
      result = { value: array, size, height, firstAlias };
    } else {
      const value = (node as Scalar).value;
      if (typeof value === 'number' && !Number.isFinite(value)) {
        const [start, end] = node.range ?? [0, 0];
        const written = text.slice(start, end).trim() || String(value);
        report({
          code: 'ER1014',
          position: at(start),
          message: `the number ${written} is not finite (it reads as ${String(value)}), and JSON data cannot hold it`,
          hint: 'JSON has no NaN or infinity; write a finite number or a string (quote it: "' + written + '")',
        });
        result = { value: null, size: 1, height: 0 };
      } else {
        result = { value: value ?? null, size: 1, height: 0 };
      }
    }
    if (anchor) anchors.set(anchor, result);
    return result;
  };

  const resolveAlias = (alias: Alias, level: number): Converted => {
    const name = alias.source;
    const start = alias.range?.[0] ?? 0;
    if (!anchors.has(name)) {
      const later = anchorOffset(root, text, name, start);
      const where = later === undefined ? '' : `; &${name} is defined later, at line ${at(later).line}, column ${at(later).column}`;
      report({
        code: 'ER1015',
        position: at(start),
        message: `the alias *${name} refers to an anchor &${name} that is not defined before it${where}`,
        hint: later === undefined ? `define the value once with &${name} before this alias (check the spelling), or write the value out` : `move the value with &${name} above its first alias: an anchor must come before the aliases that use it`,
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    const target = anchors.get(name);
    if (target === undefined) {
      report({
        code: 'ER1015',
        position: at(start),
        message: `the alias *${name} is inside the value anchored as &${name}, so it would contain itself`,
        hint: 'JSON data cannot refer to itself: write the inner value out instead of the alias',
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    aliasTargets.set(alias, target);
    aliasNodes += target.size;
    if (aliasNodes > MAX_ALIAS_NODES) throw new AliasBomb(alias);
    if (level + target.height > MAX_DEPTH) {
      report({
        code: 'ER1004',
        position: at(start),
        message: `with the alias *${name} expanded, values are nested more than ${MAX_DEPTH} levels deep`,
        hint: `keep nesting within ${MAX_DEPTH} levels; route files never need more`,
      });
      return { value: null, size: 1, height: 0, firstAlias: alias };
    }
    return { value: target.value, size: target.size, height: target.height, firstAlias: alias };
  };

  try {
    return { value: convert(root, 0).value, diagnostics };
  } catch (err) {
    if (!(err instanceof AliasBomb)) throw err;
    // Point at the start of the chain: follow the first alias inside each alias's anchored value.
    let start = err.alias;
    for (let i = 0; i < 1000; i++) {
      const next = aliasTargets.get(start)?.firstAlias;
      if (!next || !aliasTargets.has(next)) break;
      start = next;
    }
    const crossing = err.alias.range?.[0] ?? 0;
    const where = start === err.alias ? '' : `; the chain starts here and passes the limit at *${err.alias.source}, line ${at(crossing).line}, column ${at(crossing).column}`;
    return {
      value: undefined,
      diagnostics: [
        {
          code: 'ER1003',
          severity: 'error',
          pointer: '',
          position: at(start.range?.[0] ?? 0),
          message: `aliases expand to more than ${MAX_ALIAS_NODES} values (aliases inside anchored values multiply)${where}`,
          hint: 'write the repeated values out, or reuse them without nesting aliases inside anchored values',
        },
      ],
    };
  }
}

/** Offset of the first anchor `&name` defined at or after `from`, if any. */
function anchorOffset(root: YamlNode, text: string, name: string, from: number): number | undefined {
  let first: number | undefined;
  const stack: YamlNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) continue;
    if (node.anchor === name && (node.range?.[0] ?? 0) >= from) {
      // The node's range starts after its properties: step back to the `&name` itself.
      const found = text.lastIndexOf(`&${name}`, node.range?.[0] ?? 0);
      const offset = found >= from ? found : node.range?.[0] ?? 0;
      if (first === undefined || offset < first) first = offset;
    }
    if (isMap(node)) for (const pair of node.items as Pair[]) stack.push(pair.key as YamlNode, pair.value as YamlNode);
    else if (isSeq(node)) for (const item of node.items) stack.push(item as YamlNode);
  }
  return first;
}

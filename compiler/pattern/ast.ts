// The JSON tree the pattern engine works on. It keeps what a plain JavaScript value loses and what
// EventBridge's behaviour depends on: every key of an object in source order, duplicates included
// (event-ruler reads patterns as a token stream, so the *last* occurrence of a path wins, while an error
// in an earlier occurrence is still reported), the literal text of numbers (`300.0`, big account ids),
// and source offsets for diagnostics. Trees come from parsePatternText (with offsets) or from a plain
// value (offset -1).
export type JsonNode = JsonObject | JsonArray | JsonString | JsonNumber | JsonBoolean | JsonNull;

interface Located {
  /** Offset of the first character of the value in the source text, or -1 for a value built in memory. */
  start: number;
  end: number;
}

export interface JsonEntry {
  key: string;
  keyStart: number;
  value: JsonNode;
}

export interface JsonObject extends Located {
  kind: 'object';
  entries: JsonEntry[];
}
export interface JsonArray extends Located {
  kind: 'array';
  items: JsonNode[];
}
export interface JsonString extends Located {
  kind: 'string';
  value: string;
}
export interface JsonNumber extends Located {
  kind: 'number';
  /** The literal as written (`300.0`, `3.018e2`, `123456789012345678901`). */
  text: string;
  value: number;
}
export interface JsonBoolean extends Located {
  kind: 'boolean';
  value: boolean;
}
export interface JsonNull extends Located {
  kind: 'null';
}

/** A JSON-compatible JavaScript value. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Builds a tree from an in-memory value. Anything that JSON cannot hold (undefined, functions, NaN,
 * symbols, class instances other than plain objects/arrays) yields null: the caller reports it.
 */
export function nodeFromValue(value: unknown): JsonNode | null {
  switch (typeof value) {
    case 'string':
      return { kind: 'string', value, start: -1, end: -1 };
    case 'number':
      if (!Number.isFinite(value)) return null;
      return { kind: 'number', text: numberText(value), value, start: -1, end: -1 };
    case 'boolean':
      return { kind: 'boolean', value, start: -1, end: -1 };
    case 'object': {
      if (value === null) return { kind: 'null', start: -1, end: -1 };
      if (Array.isArray(value)) {
        const items: JsonNode[] = [];
        for (const item of value) {
          const node = nodeFromValue(item);
          if (!node) return null;
          items.push(node);
        }
        return { kind: 'array', items, start: -1, end: -1 };
      }
      const proto: unknown = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return null;
      const entries: JsonEntry[] = [];
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const node = nodeFromValue(item);
        if (!node) return null;
        entries.push({ key, keyStart: -1, value: node });
      }
      return { kind: 'object', entries, start: -1, end: -1 };
    }
    default:
      return null;
  }
}

/** The JSON text of a number as JSON.stringify writes it (what a JavaScript caller "wrote"). */
function numberText(value: number): string {
  return JSON.stringify(value);
}

/**
 * The plain value of a tree. Duplicate keys: when both occurrences are objects they are merged key by
 * key (event-ruler flattens paths, so `{"a":{"x":..},"a":{"y":..}}` keeps both `a.x` and `a.y`);
 * otherwise the last occurrence wins.
 */
export function valueOfNode(node: JsonNode): JsonValue {
  switch (node.kind) {
    case 'object': {
      const out: { [key: string]: JsonValue } = {};
      for (const entry of node.entries) {
        const value = valueOfNode(entry.value);
        const previous = Object.hasOwn(out, entry.key) ? out[entry.key] : undefined;
        setOwn(out, entry.key, isPlainObject(previous) && isPlainObject(value) ? mergeObjects(previous, value) : value);
      }
      return out;
    }
    case 'array':
      return node.items.map(valueOfNode);
    case 'string':
    case 'number':
    case 'boolean':
      return node.value;
    case 'null':
      return null;
  }
}

function isPlainObject(value: JsonValue | undefined): value is { [key: string]: JsonValue } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mergeObjects(a: { [key: string]: JsonValue }, b: { [key: string]: JsonValue }): { [key: string]: JsonValue } {
  const out: { [key: string]: JsonValue } = {};
  for (const [key, value] of Object.entries(a)) setOwn(out, key, value);
  for (const [key, value] of Object.entries(b)) {
    const previous = Object.hasOwn(out, key) ? out[key] : undefined;
    setOwn(out, key, isPlainObject(previous) && isPlainObject(value) ? mergeObjects(previous, value) : value);
  }
  return out;
}

/** Assigns an own data property, also for the key `__proto__` (which `obj[key] =` would not create). */
export function setOwn(obj: { [key: string]: JsonValue }, key: string, value: JsonValue): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

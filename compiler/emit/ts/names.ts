// TypeScript names and literals for generated code: identifiers from user names, property keys,
// string/number literal types, template literal types and relative import paths. Every generated
// TypeScript file spells names and literals through these functions, so the style is one style.
import { posix } from 'node:path';
import type { JsonValue } from '../../model/types';

export type JsonPrimitive = string | number | boolean | null;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const RESERVED = new Set(
  'break case catch class const continue debugger default delete do else enum export extends false finally for function if import in instanceof new null return super switch this throw true try typeof var void while with as implements interface let package private protected public static yield await any boolean number string symbol unknown never object undefined type'.split(' '),
);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w.length > 0);
}

/** "score-fraud" → "ScoreFraud", "orders/score-fraud" → "OrdersScoreFraud", "com.acme.orders" → "ComAcmeOrders". */
export function pascalCase(name: string): string {
  let out = pascalNames.get(name);
  if (out === undefined) {
    out = words(name)
      .map((w) => w[0]!.toUpperCase() + w.slice(1))
      .join('');
    out = /^[0-9]/.test(out) ? `_${out}` : out || '_';
    if (pascalNames.size >= 100_000) pascalNames.clear(); // a long --watch session renames things
    pascalNames.set(name, out);
  }
  return out;
}

/** Names already converted: each event type's and function's name is converted by several emitters. */
const pascalNames = new Map<string, string>();

/** "OrderPlaced" → "orderPlaced", "order-placed" → "orderPlaced"; never a reserved word. */
export function camelCase(name: string): string {
  const pascal = pascalCase(name);
  const out = pascal.startsWith('_') ? pascal : pascal[0]!.toLowerCase() + pascal.slice(1);
  return RESERVED.has(out) ? `${out}_` : out;
}

export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name) && !RESERVED.has(name);
}

/** A single-quoted TypeScript string literal. */
export function stringLiteral(text: string): string {
  const body = JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'");
  return `'${body}'`;
}

/** An object key in a type or object literal: bare when it is an identifier, else quoted. */
export function propertyKey(key: string): string {
  return IDENTIFIER.test(key) ? key : stringLiteral(key);
}

/** The literal type of a JSON primitive: 'EUR', 42, true, null. */
export function literalType(value: JsonPrimitive): string {
  if (typeof value === 'string') return stringLiteral(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'number';
  return String(value);
}

/** A union of literal types, deduplicated, in the given order. */
export function literalUnion(values: readonly JsonPrimitive[]): string {
  const seen = new Set<string>();
  for (const v of values) seen.add(literalType(v));
  return seen.size === 0 ? 'never' : [...seen].join(' | ');
}

/** A part of a template literal type: text, or a hole holding a type (e.g. "string"). */
export type TemplatePart = { text: string } | { hole: string };

/** `prefix${string}suffix`: a template literal type. */
export function templateLiteralType(parts: readonly TemplatePart[]): string {
  let out = '`';
  for (const part of parts) {
    if ('text' in part) out += part.text.replace(/[\\`]/g, (c) => `\\${c}`).replace(/\$\{/g, '\\${');
    else out += `\${${part.hole}}`;
  }
  return out + '`';
}

/** The exact type of a JSON value, on one line: { a: 1; b: ['x', null] }. */
export function jsonLiteralType(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return literalType(value);
  if (Array.isArray(value)) return `[${value.map(jsonLiteralType).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${jsonLiteralType(v)}`);
  return members.length === 0 ? 'Record<string, never>' : `{ ${members.join('; ')} }`;
}

/** A JSON value as a TypeScript expression (object keys bare where possible), on one line. */
export function jsonExpression(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? stringLiteral(value) : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jsonExpression).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${jsonExpression(v)}`);
  return members.length === 0 ? '{}' : `{ ${members.join(', ')} }`;
}

/** The import specifier of project file `to` from project file `from` (both relative to the root, with extension). */
export function importPath(from: string, to: string): string {
  const rel = posix.relative(posix.dirname(from), to.replace(/\.ts$/, ''));
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** A JSDoc comment from lines of text (empty lines kept, a comment end defused); '' when there is no text. */
export function docComment(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((l) => l.replace(/\*\//g, '*\\/').trimEnd());
  if (lines.length === 1 && lines[0] === '') return '';
  if (lines.length === 1) return `/** ${lines[0]} */\n`;
  return `/**\n${lines.map((l) => (l ? ` * ${l}` : ' *')).join('\n')}\n */\n`;
}

/**
 * A value as a TypeScript expression spread over lines (the printer indents them): objects and
 * arrays one member per line, short arrays of primitives on one line; `undefined` where a value is missing.
 */
export function valueExpression(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? stringLiteral(value) : JSON.stringify(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map(valueExpression);
    const flat = `[${items.join(', ')}]`;
    if (value.every((v) => v === null || typeof v !== 'object') && flat.length <= 80) return flat;
    return `[\n${items.map((i) => `${i},`).join('\n')}\n]`;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return '{}';
  // `__proto__: x` in an object literal sets the prototype; a computed key makes an own property.
  return `{\n${entries.map(([k, v]) => `${k === '__proto__' ? '["__proto__"]' : propertyKey(k)}: ${valueExpression(v)},`).join('\n')}\n}`;
}

// Whether a leaf value passes a list of EventBridge matchers: enough of the pattern language to pick
// sample values that a route's filter lets through (handler test stubs) and to filter enum values.
// The pattern engine (compiler/pattern) is the authority on matching; this covers leaves only.
import type { JsonObject, JsonValue } from '../../model/types';

function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `*` matches any run of characters; `\*` and `\\` are literal. */
export function wildcardRegExp(pattern: string): RegExp {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\' && i + 1 < pattern.length) body += pattern[++i]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    else if (c === '*') body += '[\\s\\S]*';
    else body += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${body}$`);
}

function textTest(operand: JsonValue, test: (value: string, text: string) => boolean): (v: JsonValue | undefined) => boolean {
  const ignoreCase = isObject(operand) && typeof operand['equals-ignore-case'] === 'string';
  const text = ignoreCase ? (operand as JsonObject)['equals-ignore-case'] as string : operand;
  if (typeof text !== 'string') return () => true;
  return (v) => typeof v === 'string' && (ignoreCase ? test(v.toLowerCase(), text.toLowerCase()) : test(v, text));
}

function numericTest(spec: JsonValue): (v: JsonValue | undefined) => boolean {
  return (v) => {
    if (typeof v !== 'number' || !Array.isArray(spec)) return false;
    for (let i = 0; i + 1 < spec.length; i += 2) {
      const bound = spec[i + 1];
      if (typeof bound !== 'number') continue;
      const op = spec[i];
      if (op === '=' && !(v === bound)) return false;
      if (op === '<' && !(v < bound)) return false;
      if (op === '<=' && !(v <= bound)) return false;
      if (op === '>' && !(v > bound)) return false;
      if (op === '>=' && !(v >= bound)) return false;
    }
    return true;
  };
}

function anythingBut(operand: JsonValue): (v: JsonValue | undefined) => boolean {
  if (isObject(operand)) {
    const [op] = Object.keys(operand);
    const raw = op === undefined ? undefined : operand[op];
    const texts = (Array.isArray(raw) ? raw : [raw]).filter((x): x is string => typeof x === 'string');
    const hit =
      op === 'prefix' ? (s: string) => texts.some((t) => s.startsWith(t))
      : op === 'suffix' ? (s: string) => texts.some((t) => s.endsWith(t))
      : op === 'equals-ignore-case' ? (s: string) => texts.some((t) => s.toLowerCase() === t.toLowerCase())
      : op === 'wildcard' ? (s: string) => texts.some((t) => wildcardRegExp(t).test(s))
      : () => false;
    return (v) => v !== undefined && (typeof v !== 'string' || !hit(v));
  }
  const excluded = Array.isArray(operand) ? operand : [operand];
  return (v) => v !== undefined && (v === null || !excluded.some((x) => x === v));
}

/** One matcher as a predicate over a leaf value (undefined: the field is missing). */
export function matcherTest(m: JsonValue): (v: JsonValue | undefined) => boolean {
  if (m === null || typeof m !== 'object') return (v) => v === m;
  if (!isObject(m)) return () => true;
  const [op] = Object.keys(m);
  const operand = op === undefined ? null : m[op]!;
  switch (op) {
    case 'exists':
      return operand === false ? (v) => v === undefined : (v) => v !== undefined;
    case 'exact':
      return (v) => v === operand;
    case 'prefix':
      return textTest(operand, (v, t) => v.startsWith(t));
    case 'suffix':
      return textTest(operand, (v, t) => v.endsWith(t));
    case 'equals-ignore-case':
      return (v) => typeof v === 'string' && typeof operand === 'string' && v.toLowerCase() === operand.toLowerCase();
    case 'wildcard':
      return (v) => typeof v === 'string' && typeof operand === 'string' && wildcardRegExp(operand).test(v);
    case 'anything-but':
      return anythingBut(operand);
    case 'numeric':
      return numericTest(operand);
    default:
      return (v) => v !== undefined;
  }
}

/** Whether a value passes every list (each list: any of its matchers). */
export function passesAll(tests: readonly (readonly JsonValue[])[], value: JsonValue | undefined): boolean {
  return tests.every((list) => list.some((m) => matcherTest(m)(value)));
}

/** Numbers worth trying as samples for the numeric matchers in these lists. */
export function numericCandidates(tests: readonly (readonly JsonValue[])[]): number[] {
  const out: number[] = [];
  for (const list of tests) {
    for (const m of list) {
      if (!isObject(m) || !Array.isArray(m.numeric)) continue;
      const spec = m.numeric;
      for (let i = 0; i + 1 < spec.length; i += 2) {
        const bound = spec[i + 1];
        if (typeof bound !== 'number') continue;
        out.push(bound, bound + 1, bound - 1);
      }
    }
  }
  return out;
}

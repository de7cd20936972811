// A deliberately simple reference matcher, used only by tests: it interprets a (valid) pattern value and
// an event value directly and recursively, with no index, no precompiled tests and no shared code with
// the engine's compiler, rule set or scanner. It shares only the leaf primitives (wildcard globbing, case
// folding, IP parsing, number comparability), which have their own table tests. The differential tests
// compare the engine against it; any disagreement is a bug in one of them.
import { compileFold, foldEquals, foldPrefix, foldSuffix } from '../../compiler/pattern/ignore-case';
import { ipHex, parseCidr } from '../../compiler/pattern/ip';
import { comparableValue } from '../../compiler/pattern/numbers';
import { parseWildcard, wildcardMatches } from '../../compiler/pattern/wildcard';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

interface Leaf {
  path: string;
  kind: 'string' | 'number' | 'boolean' | 'null';
  text: string;
  /** array id -> element index, for elements that are objects or arrays */
  arrays: Map<number, number>;
}

/** One `$or` combination: path -> list of allowed values (operator objects or literals). */
type Alternative = Map<string, Json[]>;

function isObject(v: Json | undefined): v is { [k: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Expands a pattern object into its alternatives; later keys override earlier ones on the same path. */
function alternatives(obj: { [k: string]: Json }, prefix: string, start: Alternative[]): Alternative[] {
  let alts = start;
  for (const [key, value] of Object.entries(obj)) {
    if (key === '$or') {
      const branches = value as { [k: string]: Json }[];
      const base = alts.length === 0 ? [new Map()] : alts;
      alts = branches.flatMap((branch) => alternatives(branch, prefix, base.map((a) => new Map(a))));
      continue;
    }
    const path = prefix === '' ? key : `${prefix}.${key}`;
    if (isObject(value)) {
      alts = alternatives(value, path, alts);
    } else {
      if (alts.length === 0) alts = [new Map()];
      alts = alts.map((a) => new Map(a).set(path, value as Json[]));
    }
  }
  return alts;
}

function leaves(event: { [k: string]: Json }): Leaf[] {
  const out: Leaf[] = [];
  let nextArray = 0;
  const visit = (path: string, value: Json, arrays: Map<number, number>): void => {
    if (Array.isArray(value)) {
      const id = nextArray++;
      value.forEach((item, i) => {
        const inner = typeof item === 'object' && item !== null ? new Map(arrays).set(id, i) : arrays;
        visit(path, item, inner);
      });
    } else if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) visit(path === '' ? k : `${path}.${k}`, v, arrays);
    } else if (typeof value === 'string') {
      out.push({ path, kind: 'string', text: value, arrays });
    } else if (typeof value === 'number') {
      out.push({ path, kind: 'number', text: JSON.stringify(value), arrays });
    } else if (typeof value === 'boolean') {
      out.push({ path, kind: 'boolean', text: String(value), arrays });
    } else {
      out.push({ path, kind: 'null', text: 'null', arrays });
    }
  };
  for (const [k, v] of Object.entries(event)) visit(k, v, new Map());
  return out;
}

function numberOf(leaf: Leaf): number {
  return leaf.kind === 'number' ? comparableValue(leaf.text) : Number.NaN;
}

function wildcard(text: string, value: string): boolean {
  const parsed = parseWildcard(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return wildcardMatches(parsed.pattern, value);
}

function startsQuoted(value: string, prefix: string): boolean {
  return ('"' + value + '"').startsWith('"' + prefix);
}

function endsQuoted(value: string, suffix: string): boolean {
  return ('"' + value + '"').endsWith(suffix + '"');
}

function toList(v: Json): Json[] {
  return Array.isArray(v) ? v : [v];
}

/** Whether one pattern value (literal or operator object) accepts a present leaf. */
function accepts(spec: Json, leaf: Leaf): boolean {
  const str = leaf.kind === 'string';
  if (typeof spec === 'string') {
    const hex = ipHex(spec);
    if (hex !== null) return str && ipHex(leaf.text) === hex;
    return str && leaf.text === spec;
  }
  if (typeof spec === 'number') {
    const text = JSON.stringify(spec);
    const n = comparableValue(text);
    return leaf.kind === 'number' && (leaf.text === text || (!Number.isNaN(n) && numberOf(leaf) === n));
  }
  if (spec === null || typeof spec === 'boolean') return !str && leaf.kind !== 'number' && leaf.text === String(spec);
  if (!isObject(spec)) throw new Error('nested list in pattern');
  const [op, operand] = Object.entries(spec)[0];
  switch (op) {
    case 'exactly':
      return str && leaf.text === operand;
    case 'prefix':
      if (isObject(operand)) return str && foldPrefix(compileFold('"' + (operand['equals-ignore-case'] as string)), '"' + leaf.text + '"');
      return str && startsQuoted(leaf.text, operand as string);
    case 'suffix':
      if (isObject(operand)) return str && foldSuffix(compileFold((operand['equals-ignore-case'] as string) + '"'), '"' + leaf.text + '"');
      return str && endsQuoted(leaf.text, operand as string);
    case 'equals-ignore-case':
      return str && foldEquals(compileFold(operand as string), leaf.text);
    case 'wildcard':
      return str && wildcard(operand as string, leaf.text);
    case 'exists':
      return operand === true;
    case 'cidr': {
      const parsed = parseCidr(operand as string);
      if (!parsed.ok) throw new Error(parsed.reason);
      const hex = str ? ipHex(leaf.text) : null;
      return hex !== null && hex.length === parsed.range.low.length && hex >= parsed.range.low && hex <= parsed.range.high;
    }
    case 'numeric': {
      const n = numberOf(leaf);
      if (Number.isNaN(n)) return false;
      const terms = operand as (string | number)[];
      for (let i = 0; i < terms.length; i += 2) {
        const bound = terms[i + 1] as number;
        const ok = { '=': n === bound, '<': n < bound, '<=': n <= bound, '>': n > bound, '>=': n >= bound }[terms[i] as string];
        if (!ok) return false;
      }
      return true;
    }
    case 'anything-but': {
      if (isObject(operand)) {
        const [kind, values] = Object.entries(operand)[0];
        const list = toList(values) as string[];
        if (!str) return true;
        switch (kind) {
          case 'prefix':
            return !list.some((p) => startsQuoted(leaf.text, p));
          case 'suffix':
            return !list.some((s) => endsQuoted(leaf.text, s));
          case 'equals-ignore-case':
            return !list.some((v) => foldEquals(compileFold(v), leaf.text));
          case 'wildcard':
            return !list.some((w) => wildcard(w, leaf.text));
          default:
            throw new Error(`anything-but ${kind}`);
        }
      }
      const list = toList(operand);
      if (typeof list[0] === 'number') {
        const n = numberOf(leaf);
        return Number.isNaN(n) || !list.some((v) => comparableValue(JSON.stringify(v)) === n);
      }
      return !(str && list.includes(leaf.text));
    }
    default:
      throw new Error(`unknown operator ${op}`);
  }
}

function consistent(arrays: Map<number, number>, chosen: Map<number, number>): Map<number, number> | null {
  const merged = new Map(chosen);
  for (const [id, index] of arrays) {
    const seen = merged.get(id);
    if (seen === undefined) merged.set(id, index);
    else if (seen !== index) return null;
  }
  return merged;
}

function matchesAlternative(alt: Alternative, all: Leaf[]): boolean {
  const paths = [...alt.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const search = (i: number, chosen: Map<number, number>): boolean => {
    if (i === paths.length) return true;
    const path = paths[i];
    const specs = alt.get(path) as Json[];
    const onPath = all.filter((l) => l.path === path);
    for (const leaf of onPath) {
      if (!specs.some((s) => accepts(s, leaf))) continue;
      const merged = consistent(leaf.arrays, chosen);
      if (merged && search(i + 1, merged)) return true;
    }
    const allowsAbsence = specs.some((s) => isObject(s) && s.exists === false);
    if (allowsAbsence && !onPath.some((l) => consistent(l.arrays, chosen) !== null)) return search(i + 1, chosen);
    return false;
  };
  return search(0, new Map());
}

/** Whether `event` matches the valid pattern `pattern` (both plain JSON values). */
export function referenceMatches(pattern: Json, event: Json): boolean {
  if (!isObject(pattern) || !isObject(event)) return false;
  const all = leaves(event);
  return alternatives(pattern, '', []).some((alt) => matchesAlternative(alt, all));
}

export type { Json };

// A refinement as a TypeScript type over the generated event types. Fields a filter pins down are
// replaced: `runtime.Without<Base, 'a' | 'b'> & { a: 'x'; b?: ... }` (Without, unlike Omit, keeps
// index signatures and doc comments); a field made present loses `undefined`; a field that must be
// missing is left out. Alternatives become a union. Unchanged parts keep their generated names.
import { literalType, propertyKey, stringLiteral, templateLiteralType } from '../ts/names';
import type { Conjunction, Present, Refinement } from './refine';
import { domainOf, propertyOf, type SchemaNode } from './schema-node';

/** A TypeScript type expression, and how to name the type of one of its fields. */
export interface TypeRef {
  expr: string;
  /** The type of a field when present (for descending into objects); `required`: the type never lacks it. */
  child(key: string, required: boolean): TypeRef;
}

/** The runtime namespace generated modules import helper types from. */
export const RUNTIME_NS = 'runtime';

export function typeRef(expr: string, children: Record<string, TypeRef> = {}): TypeRef {
  return {
    expr,
    child: (key, required) => {
      if (Object.hasOwn(children, key)) return children[key]!;
      const access = `${expr}[${stringLiteral(key)}]`;
      return typeRef(required ? access : `NonNullable<${access}>`);
    },
  };
}

/** `unchanged`: the base type as it is; `never`: no value. */
export type Rendered = string | 'unchanged' | 'never';

function sameSet(a: readonly unknown[], b: readonly unknown[]): boolean {
  return a.length === b.length && a.every((x) => b.some((y) => y === x));
}

/** The type of a present field, or `unchanged`. */
export function renderPresent(present: Present, node: SchemaNode | undefined, ref: TypeRef): Rendered {
  if (present.kind === 'any') return 'unchanged';
  if (present.kind === 'object') return renderRefinement(present.refinement, node, ref);
  const domain = domainOf(node);
  if (present.templates.length === 0 && domain.kind === 'finite' && sameSet(present.literals, domain.values)) return 'unchanged';
  const parts = [...present.literals.map(literalType), ...present.templates.map(templateLiteralType)];
  const unique = [...new Set(parts)];
  return unique.length === 0 ? 'never' : unique.join(' | ');
}

/** One alternative as a type over `ref`. */
export function renderConjunction(conj: Conjunction, node: SchemaNode | undefined, ref: TypeRef): Rendered {
  const replaced: string[] = [];
  const members: string[] = [];
  for (const [key, cond] of conj) {
    const prop = propertyOf(node, key);
    // A field the schema does not describe has no place in the generated type to narrow.
    if (!prop.known) continue;
    if (cond.present === null) {
      if (!cond.absent || prop.required) return 'never';
      replaced.push(key);
      continue;
    }
    const required = !cond.absent || prop.required;
    const fieldRef = ref.child(key, prop.required);
    let type = renderPresent(cond.present, prop.node, fieldRef);
    if (type === 'never') {
      if (!cond.absent || prop.required) return 'never';
      replaced.push(key);
      continue;
    }
    if (type === 'unchanged') {
      if (!required || prop.required) continue;
      type = `Exclude<${ref.expr}[${stringLiteral(key)}], undefined>`;
    }
    replaced.push(key);
    members.push(`${propertyKey(key)}${required ? '' : '?'}: ${type};`);
  }
  if (replaced.length === 0) return 'unchanged';
  const without = `${RUNTIME_NS}.Without<${ref.expr}, ${replaced.map(stringLiteral).join(' | ')}>`;
  return members.length === 0 ? without : `${without} & {\n${members.join('\n')}\n}`;
}

/** A refinement as a type over `ref`: a union of its alternatives. */
export function renderRefinement(refinement: Refinement, node: SchemaNode | undefined, ref: TypeRef): Rendered {
  const alternatives: string[] = [];
  for (const conj of refinement) {
    const r = renderConjunction(conj, node, ref);
    if (r === 'unchanged') return 'unchanged';
    if (r !== 'never' && !alternatives.includes(r)) alternatives.push(r);
  }
  return unionType(alternatives);
}

/** Whether a type needs parentheses inside a union: an intersection or union outside any brackets. */
export function needsParens(type: string): boolean {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < type.length; i++) {
    const c = type[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '<' || c === '(' || c === '[' || c === '{') depth++;
    else if ((c === '>' && type[i - 1] !== '=') || c === ')' || c === ']' || c === '}') depth--;
    else if (depth === 0 && (c === '&' || c === '|')) return true;
  }
  return false;
}

/** A union of types, each parenthesized where needed. */
export function unionType(types: readonly string[]): string {
  if (types.length === 0) return 'never';
  if (types.length === 1) return types[0]!;
  return types.map((t) => (needsParens(t) ? `(${t})` : t)).join(' | ');
}

// Compiles a pattern tree into sub-rules, checking it exactly as EventBridge does. The walk follows
// event-ruler's JsonRuleCompiler token by token (document order, same checks in the same order), so the
// first error found is the one AWS reports, with AWS's reason text (facts 1.1-1.5; the reasons are the
// `barf(...)` messages, conformance snapshot for every *_EXC case). After an error the walk skips the
// offending field and goes on, so a user sees every problem at once; only the first is AWS's answer.
import { childPointer as joinPointer } from './pointer';
import type { JsonArray, JsonNode, JsonObject } from './ast';
import { compileFold } from './ignore-case';
import { ipHex, parseCidr } from './ip';
import { comparableValue, exceedsLegacyNumericLimits } from './numbers';
import type { FieldCondition, PatternValue, SubRule, ValueTest } from './rule-model';
import { parseWildcard, type WildcardPattern } from './wildcard';

/** What kind of problem a finding is; codes.ts maps each kind to a diagnostic code. */
export type FindingKind =
  | 'not-object'
  | 'empty-object'
  | 'empty-array'
  | 'field-shape'
  | 'match-value'
  | 'operator-unknown'
  | 'operator-extra-key'
  | 'operand-type'
  | 'numeric-syntax'
  | 'numeric-value'
  | 'anything-but'
  | 'wildcard-syntax'
  | 'cidr'
  | 'or-syntax'
  | 'or-reserved'
  | 'legacy-numeric'
  | 'exactly-operator';

export interface Finding {
  kind: FindingKind;
  severity: 'error' | 'warning';
  /** AWS's reason text for errors; a plain statement for warnings. */
  reason: string;
  pointer: string;
  /** The offending key or operator, when there is one. */
  subject?: string;
  /** The offending value as JSON text, when there is one. */
  value?: string;
}

/** One step of a pattern in document order: a field's value list, or an `$or` with its branches. */
export type Step =
  | { kind: 'field'; condition: FieldCondition }
  | { kind: 'or'; branches: Step[][]; pointer: string };

export interface WalkResult {
  steps: Step[];
  findings: Finding[];
}

/** Field names that may not appear inside `$or` (event-ruler Constants.RESERVED_FIELD_NAMES_IN_OR_RELATIONSHIP). */
export const RESERVED_IN_OR: ReadonlySet<string> = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

const NO_ENTRIES: readonly { key: string }[] = [];

/** Thrown inside a field's value list to abandon it after recording a finding. */
class FieldAbandoned extends Error {}

/** Jackson's getText() of the token a node starts with; `]` when the array ended instead. */
function tokenText(node: JsonNode | undefined): string {
  if (!node) return ']';
  switch (node.kind) {
    case 'string':
      return node.value;
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'object':
      return '{';
    case 'array':
      return '[';
  }
}

function jsonText(node: JsonNode): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value);
    case 'number':
      return node.text;
    case 'boolean':
      return String(node.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${node.items.map(jsonText).join(',')}]`;
    case 'object':
      return `{${node.entries.map((e) => `${JSON.stringify(e.key)}:${jsonText(e.value)}`).join(',')}}`;
  }
}

export function walkPattern(root: JsonNode): WalkResult {
  const walker = new Walker();
  if (root.kind !== 'object') {
    walker.findings.push({ kind: 'not-object', severity: 'error', reason: 'Filter is not an object', pointer: '', value: jsonText(root) });
    return { steps: [], findings: walker.findings };
  }
  const steps: Step[] = [];
  walker.object(root, '', '', false, steps);
  return { steps, findings: walker.findings };
}

class Walker {
  readonly findings: Finding[] = [];

  private error(kind: FindingKind, reason: string, pointer: string, extra: { subject?: string; value?: string } = {}): void {
    this.findings.push({ kind, severity: 'error', reason, pointer, ...extra });
  }

  private warn(kind: FindingKind, reason: string, pointer: string, extra: { subject?: string; value?: string } = {}): void {
    this.findings.push({ kind, severity: 'warning', reason, pointer, ...extra });
  }

  /** Records an error and abandons the current field's value list. */
  private abandon(kind: FindingKind, reason: string, pointer: string, extra: { subject?: string; value?: string } = {}): never {
    this.error(kind, reason, pointer, extra);
    throw new FieldAbandoned();
  }

  /** JsonRuleCompiler.parseObject / parseObjectInsideOrRelationship. */
  object(node: JsonObject, path: string, pointer: string, insideOr: boolean, out: Step[]): void {
    for (const entry of node.entries) {
      const key = entry.key;
      const at = joinPointer(pointer, key);
      if (key === '$or') {
        this.or(entry.value, path, at, out);
        continue;
      }
      if (insideOr && RESERVED_IN_OR.has(key)) {
        this.error('or-reserved', `${key} is Ruler reserved fieldName which cannot be used inside $or.`, at, { subject: key });
        continue;
      }
      const value = entry.value;
      if (value.kind === 'object') {
        this.object(value, path === '' ? key : `${path}.${key}`, at, insideOr, out);
      } else if (value.kind === 'array') {
        const condition = this.field(value, path === '' ? key : `${path}.${key}`, at);
        if (condition) out.push({ kind: 'field', condition });
      } else {
        this.error('field-shape', `"${key}" must be an object or an array`, at, { subject: key, value: jsonText(value) });
      }
    }
    if (node.entries.length === 0) this.error('empty-object', 'Empty objects are not allowed', pointer);
  }

  /** JsonRuleCompiler.parseIntoOrRelationship. */
  private or(value: JsonNode, path: string, pointer: string, out: Step[]): void {
    if (value.kind !== 'array') {
      this.error('or-syntax', 'It must be an Array followed with $or.', pointer, { value: jsonText(value) });
      return;
    }
    const branches: Step[][] = [];
    for (let i = 0; i < value.items.length; i++) {
      const item = value.items[i];
      const at = joinPointer(pointer, i);
      if (item.kind !== 'object') {
        this.error('or-syntax', 'Only JSON object is allowed in array of $or relationship.', at, { value: jsonText(item) });
        return;
      }
      const branch: Step[] = [];
      this.object(item, path, at, true, branch);
      branches.push(branch);
    }
    if (value.items.length < 2) {
      this.error('or-syntax', 'There must have at least 2 Objects in $or relationship.', pointer, { value: jsonText(value) });
      return;
    }
    out.push({ kind: 'or', branches, pointer });
  }

  /** JsonRuleCompiler.writeRules: a field's list of values. */
  private field(node: JsonArray, path: string, pointer: string): FieldCondition | null {
    const values: PatternValue[] = [];
    try {
      for (let i = 0; i < node.items.length; i++) {
        const item = node.items[i];
        const at = joinPointer(pointer, i);
        const test = this.value(item, at);
        values.push({ test, pointer: at });
      }
    } catch (err) {
      if (err instanceof FieldAbandoned) return null;
      throw err;
    }
    if (values.length === 0) {
      this.error('empty-array', 'Empty arrays are not allowed', pointer, { subject: path });
      return null;
    }
    return { path, values, pointer };
  }

  private value(item: JsonNode, at: string): ValueTest {
    switch (item.kind) {
      case 'object':
        return this.matchExpression(item, at);
      case 'string': {
        const hex = ipHex(item.value);
        return hex !== null ? { op: 'exact-ip', value: item.value, hex } : { op: 'exact-string', value: item.value };
      }
      case 'number':
        return { op: 'exact-number', text: item.text, num: comparableValue(item.text) };
      case 'boolean':
        return { op: 'exact-literal', text: item.value ? 'true' : 'false' };
      case 'null':
        return { op: 'exact-literal', text: 'null' };
      case 'array':
        return this.abandon('match-value', 'Match value must be String, number, true, false, or null', at, { value: jsonText(item) });
    }
  }

  /** JsonRuleCompiler.processMatchExpression: `{ operator: operand }`. */
  private matchExpression(node: JsonObject, at: string): ValueTest {
    const first = node.entries[0];
    if (!first) return this.abandon('operator-unknown', 'Match expression name not found', at, { value: '{}' });
    const rest = node.entries.length > 1 ? node.entries.slice(1) : NO_ENTRIES;
    const name = first.key;
    const operand = first.value;
    const opAt = joinPointer(at, name);
    const onlyOneKey = (): void => {
      if (rest.length > 0) {
        this.abandon('operator-extra-key', 'Only one key allowed in match expression', joinPointer(at, rest[0].key), { subject: rest[0].key });
      }
    };
    const tooManyElements = (extra: readonly { key: string }[], base: string): void => {
      if (extra.length > 0) {
        this.abandon('operator-extra-key', 'Too many elements in numeric expression', joinPointer(base, extra[0].key), { subject: extra[0].key });
      }
    };
    switch (name) {
      case 'exactly': {
        if (operand.kind !== 'string') this.operandType('exact match pattern must be a string', opAt, name, operand);
        onlyOneKey();
        this.warn('exactly-operator', 'The exactly operator is not documented by AWS', opAt, { subject: name });
        return { op: 'exact-string', value: (operand as { value: string }).value };
      }
      case 'prefix':
      case 'suffix': {
        if (operand.kind === 'object') return this.affixIgnoreCase(name, operand, at, opAt, rest);
        if (operand.kind !== 'string') this.operandType(`${name} match pattern must be a string`, opAt, name, operand);
        onlyOneKey();
        const value = (operand as { value: string }).value;
        return name === 'prefix' ? { op: 'prefix', value } : { op: 'suffix', value };
      }
      case 'numeric': {
        if (operand.kind !== 'array') this.abandon('numeric-syntax', 'Value of numeric must be an array.', opAt, { subject: name, value: jsonText(operand) });
        const test = this.numeric(operand as JsonArray, opAt);
        tooManyElements(rest, at);
        return test;
      }
      case 'anything-but':
        return this.anythingBut(operand, opAt, at, rest);
      case 'exists': {
        if (operand.kind !== 'boolean') {
          this.operandType('exists match pattern must be either true or false.', opAt, name, operand);
        }
        onlyOneKey();
        return (operand as { value: boolean }).value ? { op: 'exists' } : { op: 'absent' };
      }
      case 'cidr': {
        // (sic) event-ruler reports a non-string CIDR with the prefix message (conformance content_ip_address_type_EXC).
        if (operand.kind !== 'string') this.operandType('prefix match pattern must be a string', opAt, name, operand);
        const text = (operand as { value: string }).value;
        const parsed = parseCidr(text);
        if (!parsed.ok) this.abandon('cidr', parsed.reason, opAt, { subject: name, value: JSON.stringify(text) });
        onlyOneKey();
        return { op: 'cidr', value: text, range: parsed.range };
      }
      case 'equals-ignore-case': {
        if (operand.kind !== 'string') this.operandType('equals-ignore-case match pattern must be a string', opAt, name, operand);
        onlyOneKey();
        const value = (operand as { value: string }).value;
        return { op: 'equals-ignore-case', value, fold: compileFold(value) };
      }
      case 'wildcard': {
        if (operand.kind !== 'string') this.operandType('wildcard match pattern must be a string', opAt, name, operand);
        const value = (operand as { value: string }).value;
        const pattern = this.wildcard(value, opAt);
        onlyOneKey();
        return { op: 'wildcard', value, pattern };
      }
      default:
        return this.abandon('operator-unknown', `Unrecognized match type ${name}`, opAt, { subject: name });
    }
  }

  private operandType(reason: string, at: string, operator: string, operand: JsonNode): never {
    return this.abandon('operand-type', reason, at, { subject: operator, value: jsonText(operand) });
  }

  private wildcard(value: string, at: string): WildcardPattern {
    const parsed = parseWildcard(value);
    if (!parsed.ok) this.abandon('wildcard-syntax', parsed.reason, at, { subject: 'wildcard', value: JSON.stringify(value) });
    return parsed.pattern;
  }

  /** processPrefixEqualsIgnoreCaseExpression / processSuffixEqualsIgnoreCaseExpression. */
  private affixIgnoreCase(name: 'prefix' | 'suffix', operand: JsonObject, exprAt: string, at: string, outerRest: readonly { key: string }[]): ValueTest {
    const inner = operand.entries[0];
    const innerRest = operand.entries.length > 1 ? operand.entries.slice(1) : NO_ENTRIES;
    const label = name === 'prefix' ? 'Prefix' : 'Suffix';
    if (!inner) return this.abandon('operand-type', `${label} expression name not found`, at, { subject: name, value: '{}' });
    const innerAt = joinPointer(at, inner.key);
    if (inner.key !== 'equals-ignore-case') {
      return this.abandon('operand-type', `Unsupported ${name} pattern: ${inner.key}`, innerAt, { subject: inner.key });
    }
    if (inner.value.kind !== 'string') this.operandType('equals-ignore-case match pattern must be a string', innerAt, inner.key, inner.value);
    if (innerRest.length > 0) {
      this.abandon('operator-extra-key', 'Only one key allowed in match expression', joinPointer(at, innerRest[0].key), { subject: innerRest[0].key });
    }
    if (outerRest.length > 0) {
      this.abandon('operator-extra-key', 'Only one key allowed in match expression', joinPointer(exprAt, outerRest[0].key), { subject: outerRest[0].key });
    }
    const value = (inner.value as { value: string }).value;
    return name === 'prefix'
      ? { op: 'prefix-ignore-case', value, fold: compileFold(value) }
      : { op: 'suffix-ignore-case', value, fold: compileFold(value) };
  }

  /** processNumericMatchExpression and completeNumericRange. */
  private numeric(node: JsonArray, at: string): ValueTest {
    const items = node.items;
    const syntax = (reason: string, index: number): never =>
      this.abandon('numeric-syntax', reason, joinPointer(at, Math.min(index, Math.max(items.length - 1, 0))), { subject: 'numeric', value: jsonText(node) });
    const first = items[0];
    if (!first || first.kind !== 'string') return syntax(`Invalid member in numeric match: ${tokenText(first)}`, 0);
    const op = first.value;
    const operand = items[1];
    const isNumber = (n: JsonNode | undefined): n is Extract<JsonNode, { kind: 'number' }> => n?.kind === 'number';
    switch (op) {
      case '=': {
        if (!isNumber(operand)) return syntax('Value of equals must be numeric', 1);
        if (items.length > 2) return syntax('Too many elements in numeric expression', 2);
        const n = this.numberValue(operand.text, joinPointer(at, 1));
        return { op: 'numeric', low: n, lowOpen: false, high: n, highOpen: false };
      }
      case '>=':
      case '>': {
        if (!isNumber(operand)) return syntax(`Value of ${op} must be numeric`, 1);
        const lowOpen = op === '>';
        if (items.length === 2) {
          const low = this.numberValue(operand.text, joinPointer(at, 1));
          return { op: 'numeric', low, lowOpen, high: Number.POSITIVE_INFINITY, highOpen: false };
        }
        const second = items[2];
        if (second.kind !== 'string') return syntax(`Bad value in numeric range: ${tokenText(second)}`, 2);
        const op2 = second.value;
        if (op2 !== '<' && op2 !== '<=') return syntax(`Bad numeric range operator: ${op2}`, 2);
        const top = items[3];
        if (!isNumber(top)) return syntax(`Value of ${op2} must be numeric`, 3);
        if (items.length > 4) return syntax('Too many terms in numeric range expression', 4);
        const low = this.numberValue(operand.text, joinPointer(at, 1));
        const high = this.numberValue(top.text, joinPointer(at, 3));
        if (low >= high) {
          this.abandon('numeric-value', 'Bottom must be less than top', at, { subject: 'numeric', value: jsonText(node) });
        }
        return { op: 'numeric', low, lowOpen, high, highOpen: op2 === '<' };
      }
      case '<=':
      case '<': {
        if (!isNumber(operand)) return syntax(`Value of ${op} must be numeric`, 1);
        if (items.length > 2) return syntax('Too many elements in numeric expression', 2);
        const high = this.numberValue(operand.text, joinPointer(at, 1));
        return { op: 'numeric', low: Number.NEGATIVE_INFINITY, lowOpen: false, high, highOpen: op === '<' };
      }
      default:
        return syntax(`Unrecognized numeric range operator: ${op}`, 0);
    }
  }

  /** A numeric operand: it must be exactly a double (event-ruler ComparableNumber.generate). */
  private numberValue(text: string, at: string): number {
    const n = comparableValue(text);
    if (Number.isNaN(n)) this.abandon('numeric-value', `Cannot compare number : ${text}`, at, { value: text });
    if (exceedsLegacyNumericLimits(text)) {
      this.warn('legacy-numeric', 'Number outside the documented numeric matching limits (±5.0e9, 6 decimals)', at, { value: text });
    }
    return n;
  }

  /** The anything-but branch of processMatchExpression and its helpers. */
  private anythingBut(operand: JsonNode, opAt: string, at: string, outerRest: readonly { key: string }[]): ValueTest {
    let kind: 'plain' | 'equals-ignore-case' | 'prefix' | 'suffix' | 'wildcard' = 'plain';
    let value = operand;
    let valueAt = opAt;
    let innerRest: readonly { key: string }[] = NO_ENTRIES;
    const fail = (reason: string, where: string, node: JsonNode = value): never =>
      this.abandon('anything-but', reason, where, { subject: 'anything-but', value: jsonText(node) });
    if (operand.kind === 'object') {
      const inner = operand.entries[0];
      const more = operand.entries.length > 1 ? operand.entries.slice(1) : NO_ENTRIES;
      if (!inner) return fail('Anything-But expression name not found', opAt, operand);
      switch (inner.key) {
        case 'equals-ignore-case':
        case 'prefix':
        case 'suffix':
        case 'wildcard':
          kind = inner.key;
          break;
        default:
          return fail(`Unsupported anything-but pattern: ${inner.key}`, joinPointer(opAt, inner.key), operand);
      }
      value = inner.value;
      valueAt = joinPointer(opAt, inner.key);
      innerRest = more;
    }
    if (value.kind !== 'array' && value.kind !== 'string' && value.kind !== 'number') {
      return fail('Value of anything-but must be an array or single string/number value.', valueAt);
    }
    const elements = value.kind === 'array' ? value.items : [value];
    let test: ValueTest;
    if (kind === 'plain') {
      const strings: string[] = [];
      const numbers: number[] = [];
      for (let i = 0; i < elements.length; i++) {
        const el = elements[i];
        const elAt = value.kind === 'array' ? joinPointer(valueAt, i) : valueAt;
        if (el.kind === 'string') strings.push(el.value);
        else if (el.kind === 'number') numbers.push(this.anythingButNumber(el.text, elAt));
        else fail('Inside anything but list, start|null|boolean is not supported.', elAt, el);
      }
      if (strings.length > 0 === numbers.length > 0) {
        fail('Inside anything but list, either all values are number or string, mixed type is not supported', valueAt);
      }
      test = numbers.length > 0 ? { op: 'anything-but-number', values: unique(numbers) } : { op: 'anything-but', values: unique(strings) };
    } else {
      const texts: string[] = [];
      for (let i = 0; i < elements.length; i++) {
        const el = elements[i];
        const elAt = value.kind === 'array' ? joinPointer(valueAt, i) : valueAt;
        if (el.kind !== 'string') {
          if (kind === 'equals-ignore-case') fail('Inside anything-but/equals-ignore-case list, number|start|null|boolean is not supported.', elAt, el);
          else if (kind === 'wildcard') fail('wildcard match pattern must be a string', elAt, el);
          else fail('prefix/suffix match pattern must be a string', elAt, el);
        }
        const text = (el as { value: string }).value;
        if ((kind === 'prefix' || kind === 'suffix') && text === '') fail('Null prefix/suffix not allowed', elAt, el);
        texts.push(text);
      }
      const values = unique(texts);
      switch (kind) {
        case 'equals-ignore-case':
          test = { op: 'anything-but-ignore-case', values, folds: values.map(compileFold) };
          break;
        case 'prefix':
          test = { op: 'anything-but-prefix', values };
          break;
        case 'suffix':
          test = { op: 'anything-but-suffix', values };
          break;
        case 'wildcard':
          test = { op: 'anything-but-wildcard', values, patterns: values.map((v) => this.wildcard(v, valueAt)) };
          break;
      }
    }
    if (innerRest.length > 0) {
      this.abandon('operator-extra-key', 'Too many elements in numeric expression', joinPointer(opAt, innerRest[0].key), { subject: innerRest[0].key });
    }
    if (outerRest.length > 0) {
      this.abandon('operator-extra-key', 'Too many elements in numeric expression', joinPointer(at, outerRest[0].key), { subject: outerRest[0].key });
    }
    return test;
  }

  private anythingButNumber(text: string, at: string): number {
    const n = comparableValue(text);
    if (Number.isNaN(n)) this.abandon('anything-but', `Cannot compare number : ${text}`, at, { subject: 'anything-but', value: text });
    return n;
  }
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Number of sub-rules the steps expand to (capped), without building them. */
export function countSubRules(steps: readonly Step[], cap = 1_000_000): number {
  return countFrom(steps, 0, cap);
}

function countFrom(steps: readonly Step[], start: number, cap: number): number {
  let count = start;
  for (const step of steps) {
    if (step.kind === 'field') {
      count = Math.max(count, 1);
    } else {
      let total = 0;
      for (const branch of step.branches) total = Math.min(cap, total + countFrom(branch, Math.max(count, 1), cap));
      count = total;
    }
  }
  return count;
}

/**
 * Expands the steps into sub-rules exactly as JsonRuleCompiler does: fields apply to every rule built so
 * far, an `$or` replaces the rules with one copy per branch, and a later value list for the same path
 * replaces the earlier one in that rule (the duplicate-key rule, "last wins").
 */
export function expandSubRules(steps: readonly Step[]): SubRule[] {
  const rules: Map<string, FieldCondition>[] = [];
  apply(steps, rules);
  return rules.map((rule) => ({ fields: [...rule.values()].sort(byPath) }));
}

function apply(steps: readonly Step[], rules: Map<string, FieldCondition>[]): void {
  for (const step of steps) {
    if (step.kind === 'field') {
      if (rules.length === 0) rules.push(new Map());
      for (const rule of rules) rule.set(step.condition.path, step.condition);
    } else {
      const current = rules.map((r) => new Map(r));
      rules.length = 0;
      for (const branch of step.branches) {
        const forked = current.map((r) => new Map(r));
        if (forked.length === 0) forked.push(new Map());
        apply(branch, forked);
        rules.push(...forked);
      }
    }
  }
}

/** Java String.compareTo order (UTF-16 code units), which is also JavaScript's `<` on strings. */
export function byPath(a: FieldCondition, b: FieldCondition): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

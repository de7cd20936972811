// explainMatch: why a pattern does or does not match an event, for failing route tests. The verdict is
// the engine's (matchesPattern); the reasons come from evaluating each sub-rule condition by condition
// with the plain operator semantics (value-tests.ts): for a non-match, which field and operator rejected
// the event and what the event had there; for a match, which values (and which `$or` branch) accepted it.
import { nodeFromValue, type JsonNode } from './ast';
import { compilePatternNode } from './compile-pattern';
import { flattenEvent, flattenEventNode, mergeMembership, type EventField } from './event-fields';
import { isJsonNode, matchesPattern } from './matcher';
import type { FieldCondition, SubRule, ValueTest } from './rule-model';
import { testMatches } from './value-tests';

export interface MatchReason {
  /** JSON pointer into the pattern: the value that accepted, or the field that rejected. */
  pointer: string;
  detail: string;
}

export interface MatchExplanation {
  matched: boolean;
  reasons: MatchReason[];
}

const q = (s: string): string => JSON.stringify(s);

/** A short description of a value test, e.g. `prefix "us-"` or `numeric > 0 and <= 5`. */
export function describeTest(test: ValueTest): string {
  switch (test.op) {
    case 'exact-string':
    case 'exact-ip':
      return `equals ${q(test.value)}`;
    case 'exact-number':
    case 'exact-literal':
      return `equals ${test.text}`;
    case 'prefix':
      return `prefix ${q(test.value)}`;
    case 'suffix':
      return `suffix ${q(test.value)}`;
    case 'prefix-ignore-case':
      return `prefix ${q(test.value)} ignoring case`;
    case 'suffix-ignore-case':
      return `suffix ${q(test.value)} ignoring case`;
    case 'equals-ignore-case':
      return `equals-ignore-case ${q(test.value)}`;
    case 'wildcard':
      return `wildcard ${q(test.value)}`;
    case 'numeric': {
      if (test.low === test.high) return `numeric = ${test.low}`;
      const parts: string[] = [];
      if (test.low !== Number.NEGATIVE_INFINITY) parts.push(`${test.lowOpen ? '>' : '>='} ${test.low}`);
      if (test.high !== Number.POSITIVE_INFINITY) parts.push(`${test.highOpen ? '<' : '<='} ${test.high}`);
      return `numeric ${parts.join(' and ')}`;
    }
    case 'cidr':
      return `cidr ${q(test.value)}`;
    case 'exists':
      return 'exists';
    case 'absent':
      return 'does not exist';
    case 'anything-but':
      return `anything but ${test.values.map(q).join(', ')}`;
    case 'anything-but-number':
      return `anything but ${test.values.join(', ')}`;
    case 'anything-but-prefix':
      return `anything but prefix ${test.values.map(q).join(', ')}`;
    case 'anything-but-suffix':
      return `anything but suffix ${test.values.map(q).join(', ')}`;
    case 'anything-but-ignore-case':
      return `anything but (ignoring case) ${test.values.map(q).join(', ')}`;
    case 'anything-but-wildcard':
      return `anything but wildcard ${test.values.map(q).join(', ')}`;
  }
}

function showField(field: EventField): string {
  return field.kind === 'string' ? q(field.text) : field.text;
}

function showFields(fields: readonly EventField[]): string {
  const shown = fields.slice(0, 5).map(showField).join(', ');
  return fields.length > 5 ? `${shown}, ... (${fields.length} values)` : shown;
}

interface ConditionResult {
  ok: boolean;
  reasons: MatchReason[];
}

function evaluateCondition(cond: FieldCondition, fields: readonly EventField[], all: readonly EventField[]): ConditionResult {
  const onPath = fields.filter((f) => f.path === cond.path);
  const accepting: MatchReason[] = [];
  for (const value of cond.values) {
    if (value.test.op === 'absent') {
      if (onPath.length === 0) accepting.push({ pointer: value.pointer, detail: `${cond.path} is absent, as {"exists": false} requires` });
      continue;
    }
    const hits = onPath.filter((f) => testMatches(value.test, f));
    if (hits.length > 0) accepting.push({ pointer: value.pointer, detail: `${cond.path} is ${showFields(hits)}: ${describeTest(value.test)} accepts it` });
  }
  if (accepting.length > 0) return { ok: true, reasons: accepting };
  const wanted = cond.values.map((v) => describeTest(v.test)).join(' or ');
  let had: string;
  if (onPath.length > 0) {
    had = `the event has ${showFields(onPath)}`;
  } else if (all.some((f) => f.path.startsWith(`${cond.path}.`))) {
    had = 'the event has an object there, and operators only match leaf values';
  } else {
    had = 'the event does not have this field';
  }
  return { ok: false, reasons: [{ pointer: cond.pointer, detail: `${cond.path}: expected ${wanted}; ${had}` }] };
}

/** Whether the conditions can be satisfied by values from the same elements of arrays of objects. */
function consistentChoice(rule: SubRule, fields: readonly EventField[]): boolean {
  const search = (i: number, membership: readonly number[]): boolean => {
    if (i === rule.fields.length) return true;
    const cond = rule.fields[i];
    const onPath = fields.filter((f) => f.path === cond.path);
    for (const f of onPath) {
      if (!cond.values.some((v) => testMatches(v.test, f))) continue;
      const merged = mergeMembership(membership, f.arrays);
      if (merged && search(i + 1, merged)) return true;
    }
    if (cond.values.some((v) => v.test.op === 'absent') && !onPath.some((f) => mergeMembership(membership, f.arrays) !== null)) {
      return search(i + 1, membership);
    }
    return false;
  };
  return search(0, []);
}

/** Explains the verdict of a pattern (tree or plain value) on an event (tree or plain object). */
export function explainMatch(pattern: unknown, event: unknown): MatchExplanation {
  const node: JsonNode | null = isJsonNode(pattern) ? pattern : nodeFromValue(pattern);
  const compiled = node ? compilePatternNode(node) : undefined;
  if (!node || !compiled || compiled.reason !== undefined) {
    return { matched: false, reasons: [{ pointer: '', detail: `the pattern is not valid: ${compiled?.reason ?? 'Filter is not an object'}` }] };
  }
  let fields: EventField[];
  if (isJsonNode(event)) {
    if (event.kind !== 'object') return { matched: false, reasons: [{ pointer: '', detail: 'the event is not a JSON object' }] };
    fields = flattenEventNode(event);
  } else if (typeof event === 'object' && event !== null && !Array.isArray(event)) {
    fields = flattenEvent(event as Record<string, unknown>);
  } else {
    return { matched: false, reasons: [{ pointer: '', detail: 'the event is not a JSON object' }] };
  }
  const matched = matchesPattern(node, event);
  const rules = compiled.subRules;
  const label = (i: number): string => (rules.length > 1 ? `$or alternative ${i + 1} of ${rules.length}: ` : '');
  const reasons: MatchReason[] = [];
  const seen = new Set<string>();
  const add = (r: MatchReason, prefix: string): void => {
    const key = `${r.pointer}\u0000${r.detail}`;
    if (seen.has(key)) return;
    seen.add(key);
    reasons.push({ pointer: r.pointer, detail: prefix + r.detail });
  };
  for (let i = 0; i < rules.length; i++) {
    const results = rules[i].fields.map((cond) => evaluateCondition(cond, fields, fields));
    const allOk = results.every((r) => r.ok);
    if (matched) {
      if (allOk && consistentChoice(rules[i], fields)) {
        for (const r of results) for (const reason of r.reasons) add(reason, label(i));
        break;
      }
      continue;
    }
    if (!allOk) {
      for (const r of results) if (!r.ok) for (const reason of r.reasons) add(reason, label(i));
    } else {
      add(
        {
          pointer: rules[i].fields[0]?.pointer ?? '',
          detail: 'every field has an accepted value, but not within the same element of an array of objects (array consistency)',
        },
        label(i),
      );
    }
  }
  return { matched, reasons };
}

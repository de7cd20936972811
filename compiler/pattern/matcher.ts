// The matching entry points of the library: compileRules (many rules, one structure) and matchesPattern
// (one pattern). Both go through the same compiled rule set the `route` command uses.
import { nodeFromValue, type JsonNode } from './ast';
import { compilePatternNode, type CompiledPattern } from './compile-pattern';
import { flattenEvent, flattenEventNode, type EventField } from './event-fields';
import type { PatternIssue } from './issue';
import { RuleSet } from './rule-set';

export interface InvalidRule {
  name: string;
  /** EventBridge's reason, or the first error's reason for quota errors. */
  reason: string;
  issues: PatternIssue[];
}

/** Thrown by compileRules when some patterns are invalid; lists every invalid rule. */
export class InvalidRulesError extends Error {
  constructor(readonly invalid: readonly InvalidRule[]) {
    super(`${invalid.length} invalid event pattern(s): ${invalid.map((r) => `${r.name}: ${r.reason}`).join('; ')}`);
    this.name = 'InvalidRulesError';
  }
}

export interface CompiledRules {
  /** Rule names, sorted. */
  readonly names: readonly string[];
  /** Names of the rules matching the event, sorted. A non-object event matches nothing. */
  match(event: unknown): string[];
  /** The underlying structure (used by the `route` command's streaming reader). */
  readonly ruleSet: RuleSet;
}

/** A pattern in any accepted form: a tree from parsePatternText, or a plain value. */
export type PatternInput = unknown;

function asNode(pattern: PatternInput): JsonNode | null {
  if (isJsonNode(pattern)) return pattern;
  return nodeFromValue(pattern);
}

/** Trees built by parsePatternText carry a `kind` and a numeric `start`; plain patterns never do. */
export function isJsonNode(value: unknown): value is JsonNode {
  return typeof value === 'object' && value !== null && 'kind' in value && 'start' in value && typeof (value as { start: unknown }).start === 'number';
}

export function compileOne(pattern: PatternInput): CompiledPattern {
  const node = asNode(pattern);
  if (!node) return compilePatternNode({ kind: 'string', value: '', start: -1, end: -1 });
  return compilePatternNode(node);
}

function eventFields(ruleSet: RuleSet, event: unknown): { fields: EventField[]; pathIds: number[] } | null {
  const filter = { wants: (p: string) => ruleSet.pathIds.has(p), descends: (p: string) => ruleSet.descends(p) };
  let fields: EventField[];
  if (isJsonNode(event)) {
    if (event.kind !== 'object') return null;
    fields = flattenEventNode(event, filter);
  } else {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return null;
    fields = flattenEvent(event as Record<string, unknown>, filter);
  }
  return { fields, pathIds: fields.map((f) => ruleSet.pathIds.get(f.path) as number) };
}

/** Compiles named patterns into one matcher. Throws InvalidRulesError listing every invalid pattern. */
export function compileRules(rules: Record<string, PatternInput>): CompiledRules {
  const compiled: { name: string; subRules: CompiledPattern['subRules'] }[] = [];
  const invalid: InvalidRule[] = [];
  for (const name of Object.keys(rules)) {
    const result = compileOne(rules[name]);
    if (result.reason !== undefined || !result.ok) {
      const firstError = result.issues.find((i) => i.severity === 'error');
      invalid.push({ name, reason: result.reason ?? firstError?.reason ?? 'invalid', issues: result.issues });
    } else {
      compiled.push({ name, subRules: result.subRules });
    }
  }
  if (invalid.length > 0) throw new InvalidRulesError(invalid);
  const ruleSet = new RuleSet(compiled);
  return {
    names: ruleSet.names,
    ruleSet,
    match(event: unknown): string[] {
      const flat = eventFields(ruleSet, event);
      if (!flat) return [];
      return ruleSet.matchFields(flat.fields, flat.pathIds).map((id) => ruleSet.names[id]);
    },
  };
}

/**
 * Whether an event matches one pattern, as EventBridge's TestEventPattern answers. Throws
 * InvalidRulesError when the pattern is invalid (EventBridge answers InvalidEventPatternException).
 */
export function matchesPattern(pattern: PatternInput, event: unknown): boolean {
  const result = compileOne(pattern);
  if (result.reason !== undefined) throw new InvalidRulesError([{ name: 'pattern', reason: result.reason, issues: result.issues }]);
  const ruleSet = new RuleSet([{ name: 'pattern', subRules: result.subRules }]);
  const flat = eventFields(ruleSet, event);
  if (!flat) return false;
  return ruleSet.matchFields(flat.fields, flat.pathIds).length > 0;
}

export { eventFields };

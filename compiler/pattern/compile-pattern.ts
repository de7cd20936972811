// One pattern from tree to sub-rules with every issue: event-ruler's structural checks (rule-compiler.ts),
// then the checks EventBridge adds on top — the 1000-combination limit of `$or` and the wildcard
// complexity limit — and, reported separately because it is a quota rather than a syntax rule, the
// 2,048-character pattern size (facts 1.6). Duplicate keys found by the text parser become warnings.
import { PATTERN_CODES as C } from './codes';
import { isTooComplex, MAX_COMPLEXITY, ruleComplexity } from './complexity';
import { nodeFromValue, type JsonNode } from './ast';
import type { PatternIssue } from './issue';
import type { DuplicateKey } from './json-text';
import { issueOfFinding } from './messages';
import { countSubRules, expandSubRules, walkPattern } from './rule-compiler';
import type { SubRule } from './rule-model';

/** `$or` may expand to at most this many combinations (facts 1.6, [DOC23]). */
export const MAX_OR_COMBINATIONS = 1000;
/** Service Quotas "Event pattern size" (facts 1.6, 2). */
export const MAX_PATTERN_SIZE = 2048;

export const TOO_COMPLEX_REASON =
  'Rule is too complex - try using fewer wildcard characters or fewer repeating character sequences after a wildcard character';

export interface CompiledPattern {
  /** False when EventBridge would reject the pattern (the size quota included). */
  ok: boolean;
  /**
   * The reason EventBridge gives for rejecting the pattern itself (not the size quota), i.e. the text after
   * `Event pattern is not valid. Reason: `; undefined when the pattern is valid.
   */
  reason?: string;
  subRules: SubRule[];
  issues: PatternIssue[];
}

export interface CompileOptions {
  /** The pattern's source text, when known: its length is what the size quota counts. */
  text?: string;
  duplicates?: readonly DuplicateKey[];
}

export function compilePatternNode(node: JsonNode, options: CompileOptions = {}): CompiledPattern {
  const issues: PatternIssue[] = [];
  for (const dup of options.duplicates ?? []) {
    issues.push({
      code: C.duplicateKey,
      severity: 'warning',
      pointer: dup.pointer,
      reason: `Duplicate key "${dup.key}": only the last occurrence is used`,
      message: `Key "${dup.key}" appears more than once in the same object (at ${dup.pointer}); EventBridge uses only the last occurrence`,
      hint: 'Merge the occurrences into one key; put all allowed values in one list.',
    });
  }
  const walked = walkPattern(node);
  issues.push(...walked.findings.map(issueOfFinding));
  let reason = walked.findings.find((f) => f.severity === 'error')?.reason;
  let subRules: SubRule[] = [];
  if (reason === undefined) {
    const combinations = countSubRules(walked.steps);
    if (combinations > MAX_OR_COMBINATIONS) {
      reason = `The $or expression expands to ${combinations >= 1_000_000 ? 'more than 1000000' : combinations} combinations; at most ${MAX_OR_COMBINATIONS} are allowed`;
      issues.push({
        code: C.orCombinations,
        severity: 'error',
        pointer: '',
        reason,
        message: `$or alternatives multiply out to ${combinations >= 1_000_000 ? 'more than a million' : combinations} combinations`,
        hint: `EventBridge allows at most ${MAX_OR_COMBINATIONS}: reduce the alternatives, or split the pattern into several rules.`,
      });
    } else {
      subRules = expandSubRules(walked.steps);
      if (isTooComplex(subRules)) {
        reason = TOO_COMPLEX_REASON;
        issues.push({
          code: C.tooComplex,
          severity: 'error',
          pointer: firstWildcardPointer(subRules),
          reason,
          message: `The wildcard values can keep more than ${MAX_COMPLEXITY} matching states alive at once (complexity ${ruleComplexity(subRules, 100)})`,
          hint: 'Use fewer * characters, above all before characters that repeat (such as ":" or "/"), or match a longer fixed prefix first.',
        });
      }
    }
  }
  const size = options.text !== undefined ? options.text.length : compactLength(node);
  if (size > MAX_PATTERN_SIZE) {
    issues.push({
      code: C.tooLarge,
      severity: 'error',
      pointer: '',
      reason: `Event pattern is ${size} characters; the quota is ${MAX_PATTERN_SIZE}`,
      message: `The pattern is ${size} characters long, over the ${MAX_PATTERN_SIZE}-character "Event pattern size" quota`,
      hint: 'Shorten the pattern (fewer values, $or branches merged into value lists) or raise the quota in Service Quotas (the API maximum is 4,096).',
    });
  }
  const ok = !issues.some((i) => i.severity === 'error');
  return reason === undefined ? { ok, subRules, issues } : { ok, reason, subRules: [], issues };
}

/** Length of the compact JSON text of a tree (what the size quota counts when there is no source text). */
function compactLength(node: JsonNode): number {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value).length;
    case 'number':
      return node.text.length;
    case 'boolean':
      return node.value ? 4 : 5;
    case 'null':
      return 4;
    case 'array':
      return node.items.reduce((n, item) => n + compactLength(item) + 1, node.items.length === 0 ? 2 : 1);
    case 'object':
      return node.entries.reduce((n, e) => n + JSON.stringify(e.key).length + 1 + compactLength(e.value) + 1, node.entries.length === 0 ? 2 : 1);
  }
}

function firstWildcardPointer(subRules: readonly SubRule[]): string {
  for (const rule of subRules) {
    for (const field of rule.fields) {
      for (const value of field.values) {
        if (value.test.op === 'wildcard' || value.test.op === 'anything-but-wildcard') return value.pointer;
      }
    }
  }
  return '';
}

/** Compiles an in-memory pattern value (from YAML or JSON.parse). */
export function compilePatternValue(pattern: unknown): CompiledPattern {
  const node = nodeFromValue(pattern);
  if (!node) {
    const reason = 'Filter is not an object';
    return {
      ok: false,
      reason,
      subRules: [],
      issues: [
        {
          code: C.notObject,
          severity: 'error',
          pointer: '',
          reason,
          message: 'The event pattern holds a value JSON cannot represent (undefined, a function, NaN or a class instance)',
          hint: 'Give the pattern as plain JSON data: objects, lists, strings, numbers, booleans and null.',
        },
      ],
    };
  }
  return compilePatternNode(node);
}

// The public API of the pattern engine (all pure, no I/O): parse pattern text keeping duplicate keys,
// validate a pattern exactly as EventBridge does, match events (one pattern or many rules at once),
// explain a verdict, and check a filter against the event types' schemas. See README.md.
import { nodeFromValue, type JsonNode } from './ast';
import { compilePatternNode } from './compile-pattern';
import type { PatternIssue } from './issue';
import { parsePatternText } from './json-text';
import { isJsonNode } from './matcher';

export type { JsonNode, JsonValue } from './ast';
export type { PatternIssue } from './issue';
export type { DuplicateKey, JsonSyntaxError, ParsedText } from './json-text';
export type { CompiledRules, InvalidRule } from './matcher';
export type { MatchExplanation, MatchReason } from './explain';
export type { EventTypeCandidate } from './schema-check';
export { parsePatternText } from './json-text';
export { compileRules, matchesPattern, InvalidRulesError } from './matcher';
export { explainMatch } from './explain';
export { checkPatternAgainstSchemas } from './schema-check';
export { PATTERN_CODES, patternCodes } from './codes';
export { MAX_OR_COMBINATIONS, MAX_PATTERN_SIZE } from './compile-pattern';
export { MAX_COMPLEXITY } from './complexity';

export interface PatternValidation {
  /** False when EventBridge would reject the pattern (including the 2,048-character size quota). */
  ok: boolean;
  issues: PatternIssue[];
  /** EventBridge's reason when it rejects the pattern itself (the text after "Reason: "). */
  reason?: string;
}

/**
 * Validates a pattern given as a plain value (from YAML or JSON.parse) or as the tree returned by
 * parsePatternText (`node`), which also keeps duplicate keys and number literals.
 */
export function validatePattern(pattern: unknown): PatternValidation {
  const node: JsonNode | null = isJsonNode(pattern) ? pattern : nodeFromValue(pattern);
  const compiled = compilePatternNode(node ?? { kind: 'null', start: -1, end: -1 });
  return compiled.reason === undefined ? { ok: compiled.ok, issues: compiled.issues } : { ok: false, issues: compiled.issues, reason: compiled.reason };
}

/** Parses and validates pattern text: JSON syntax, duplicate keys (warnings), size quota, AWS rules. */
export function validatePatternText(text: string): PatternValidation {
  const parsed = parsePatternText(text);
  if (!parsed.node) {
    const reason = parsed.error?.reason ?? 'not JSON';
    return {
      ok: false,
      reason,
      issues: [
        {
          code: 'ER5019',
          severity: 'error',
          pointer: '',
          reason,
          message: `The event pattern is not valid JSON: ${reason} (at offset ${parsed.error?.offset ?? 0})`,
          hint: 'Check quotes, commas and brackets around that position.',
        },
      ],
    };
  }
  const compiled = compilePatternNode(parsed.node, { text, duplicates: parsed.duplicates });
  return compiled.reason === undefined ? { ok: compiled.ok, issues: compiled.issues } : { ok: false, issues: compiled.issues, reason: compiled.reason };
}

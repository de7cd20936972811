// The compiled form of a pattern, shared by the validator, the matchers, explainMatch and the schema
// checks. event-ruler compiles a pattern into *sub-rules*: one per combination of `$or` branches, each
// a map from a flattened field path (keys joined with `.`) to the list of values any of which must match
// (JsonRuleCompiler; conformance event-ruler/orRelationshipRules.json gives the expected counts).
import type { FoldPattern } from './ignore-case';
import type { IpRange } from './ip';
import type { WildcardPattern } from './wildcard';

/** One value of a field's match list, compiled. */
export type ValueTest =
  | { op: 'exact-string'; value: string }
  /** A number literal: matches the same literal text, or (when `num` is not NaN) any equal number. */
  | { op: 'exact-number'; text: string; num: number }
  | { op: 'exact-literal'; text: 'true' | 'false' | 'null' }
  /** A string literal that is an IP address: event-ruler compiles it to an address range (facts 1.2). */
  | { op: 'exact-ip'; value: string; hex: string }
  | { op: 'prefix'; value: string }
  | { op: 'prefix-ignore-case'; value: string; fold: FoldPattern }
  | { op: 'suffix'; value: string }
  | { op: 'suffix-ignore-case'; value: string; fold: FoldPattern }
  | { op: 'equals-ignore-case'; value: string; fold: FoldPattern }
  | { op: 'wildcard'; value: string; pattern: WildcardPattern }
  /** numeric; one-sided ranges use ±Infinity, `=` is a closed single point. */
  | { op: 'numeric'; low: number; lowOpen: boolean; high: number; highOpen: boolean }
  | { op: 'cidr'; value: string; range: IpRange }
  | { op: 'exists' }
  | { op: 'absent' }
  | { op: 'anything-but'; values: string[] }
  | { op: 'anything-but-number'; values: number[] }
  | { op: 'anything-but-prefix'; values: string[] }
  | { op: 'anything-but-suffix'; values: string[] }
  | { op: 'anything-but-ignore-case'; values: string[]; folds: FoldPattern[] }
  | { op: 'anything-but-wildcard'; values: string[]; patterns: WildcardPattern[] };

export type ValueOp = ValueTest['op'];

export interface PatternValue {
  test: ValueTest;
  /** JSON pointer of this value in the pattern. */
  pointer: string;
}

export interface FieldCondition {
  /** Flattened path, e.g. `detail.state.status`. */
  path: string;
  values: PatternValue[];
  /** JSON pointer of the value list in the pattern. */
  pointer: string;
}

export interface SubRule {
  /** Conditions sorted by path in Java String order (UTF-16 code units), as event-ruler evaluates them. */
  fields: FieldCondition[];
}

export function isAnythingBut(test: ValueTest): boolean {
  return test.op.startsWith('anything-but');
}

/** A string that identifies a value test (equal keys: equal tests), without its compiled members. */
export function testKey(test: ValueTest): string {
  switch (test.op) {
    case 'exact-string':
    case 'prefix':
    case 'suffix':
    case 'prefix-ignore-case':
    case 'suffix-ignore-case':
    case 'equals-ignore-case':
    case 'wildcard':
    case 'cidr':
    case 'exact-ip':
      return `${test.op}\u0000${test.value}`;
    case 'exact-number':
    case 'exact-literal':
      return `${test.op}\u0000${test.text}`;
    case 'numeric':
      return `numeric\u0000${test.lowOpen ? '(' : '['}${test.low},${test.high}${test.highOpen ? ')' : ']'}`;
    case 'exists':
    case 'absent':
      return test.op;
    case 'anything-but-number':
      return `${test.op}\u0000${test.values.join('\u0000')}`;
    case 'anything-but':
    case 'anything-but-prefix':
    case 'anything-but-suffix':
    case 'anything-but-ignore-case':
    case 'anything-but-wildcard':
      return `${test.op}\u0000${JSON.stringify(test.values)}`;
  }
}

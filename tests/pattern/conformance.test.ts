// Conformance: every case in ../shared/conformance. LocalStack's templates were run against AWS (result,
// and for _EXC the exact reason from the snapshot); the event-ruler data shows the reference library's
// array-consistent matching and $or expansion.
import { describe, expect, it } from 'vitest';
import { valueOfNode, type JsonNode } from '../../compiler/pattern/ast';
import { compilePatternNode } from '../../compiler/pattern/compile-pattern';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { compileRules, matchesPattern } from '../../compiler/pattern/matcher';
import { localStackCases, readShared, requireConformanceDir } from './conformance-data';
import { referenceMatches, type Json } from './reference-matcher';

describe('conformance data', () => {
  it('is present (the tests below must not silently vanish)', () => {
    expect(() => requireConformanceDir()).not.toThrow();
  });
});

describe('LocalStack AWS-validated event pattern templates', () => {
  const cases = localStackCases();

  it('has the expected number of templates', () => {
    expect(cases.length).toBeGreaterThanOrEqual(116);
  });

  for (const c of cases) {
    it(c.name, () => {
      const compiled = compilePatternNode(c.pattern);
      if (c.expect === 'invalid') {
        expect(compiled.reason).toBeDefined();
        expect(c.reason, 'snapshot has a reason for every _EXC case').toBeDefined();
        expect(compiled.reason).toBe(c.reason);
        return;
      }
      expect(compiled.reason, compiled.issues.map((i) => i.message).join('; ')).toBeUndefined();
      expect(matchesPattern(c.pattern, c.event)).toBe(c.expect);
      // The reference matcher works on plain values; number_comparison_float's 300.0 becomes 300 there.
      expect(referenceMatches(valueOfNode(c.pattern) as Json, valueOfNode(c.event) as Json)).toBe(c.expect);
    });
  }
});

describe('LocalStack multi-key pair (duplicate key in the pattern)', () => {
  const patternText = readShared('localstack-event-patterns', 'event_pattern_templates', 'complex_multi_key_event_pattern.json');
  const eventText = readShared('localstack-event-patterns', 'event_pattern_templates', 'complex_multi_key_event.json');

  it('reports the duplicate key and uses the last occurrence, as AWS does (match)', () => {
    const parsed = parsePatternText(patternText);
    expect(parsed.duplicates.map((d) => d.pointer)).toEqual(['/detail/location']);
    const compiled = compilePatternNode(parsed.node as JsonNode, { text: patternText, duplicates: parsed.duplicates });
    expect(compiled.ok).toBe(true);
    expect(compiled.issues.filter((i) => i.severity === 'warning').map((i) => i.code)).toEqual(['ER5020']);
    const event = parsePatternText(eventText).node as JsonNode;
    expect(matchesPattern(parsed.node, event)).toBe(true);
    // Had the first occurrence been used, {"prefix": "us-"} would reject eu-central-1.
    expect(matchesPattern({ detail: { location: [{ prefix: 'us-' }] } }, event)).toBe(false);
  });
});

interface ExpectedResults {
  nestedArrays: { rules: Record<string, string>; cases: { event: string; matches: string[] }[] };
  orRelationshipRules: { file: string; expectedSubRuleCount: number[] };
  wrongOrRelationshipRules: { file: string };
  normalRulesWithOrWording: { file: string };
  correctnessCases: { file: string; count: number };
}

const expected = JSON.parse(readShared('event-ruler', 'expected-results.json')) as ExpectedResults;

function sharedNode(path: string): JsonNode {
  const parsed = parsePatternText(readShared('event-ruler', path));
  if (!parsed.node) throw new Error(`${path}: ${parsed.error?.reason}`);
  return parsed.node;
}

describe('event-ruler array consistency (nestedArraysTest)', () => {
  const rules: Record<string, JsonNode> = {};
  for (const [name, file] of Object.entries(expected.nestedArrays.rules)) rules[name] = sharedNode(file);
  const matcher = compileRules(rules);

  for (const c of expected.nestedArrays.cases) {
    it(`${c.event} matches ${JSON.stringify(c.matches)}`, () => {
      const event = sharedNode(c.event);
      expect(matcher.match(event)).toEqual(c.matches);
      for (const [name, rule] of Object.entries(rules)) {
        expect(referenceMatches(valueOfNode(rule) as Json, valueOfNode(event) as Json), name).toBe(c.matches.includes(name));
      }
    });
  }
});

function ruleList(file: string): JsonNode[] {
  const node = sharedNode(file);
  if (node.kind !== 'array') throw new Error(`${file} is not a list`);
  return node.items;
}

describe('event-ruler $or rules', () => {
  it('expands valid $or rules into the expected number of sub-rules', () => {
    const rules = ruleList(expected.orRelationshipRules.file);
    const counts = rules.map((r) => {
      const compiled = compilePatternNode(r);
      expect(compiled.reason).toBeUndefined();
      return compiled.subRules.length;
    });
    expect(counts).toEqual(expected.orRelationshipRules.expectedSubRuleCount);
  });

  it('rejects every wrong $or rule with event-ruler\'s reason', () => {
    const reasons = ruleList(expected.wrongOrRelationshipRules.file).map((r) => compilePatternNode(r).reason);
    expect(reasons).toEqual([
      'There must have at least 2 Objects in $or relationship.',
      'Only JSON object is allowed in array of $or relationship.',
    ]);
  });

  it('rejects the legacy "$or as a field name" rules, as the JSON rule compiler does', () => {
    const reasons = ruleList(expected.normalRulesWithOrWording.file).map((r) => compilePatternNode(r).reason);
    expect(reasons).toEqual([
      'cidr is Ruler reserved fieldName which cannot be used inside $or.',
      'It must be an Array followed with $or.',
      'numeric is Ruler reserved fieldName which cannot be used inside $or.',
      'numeric is Ruler reserved fieldName which cannot be used inside $or.',
    ]);
  });
});

describe('event-ruler correctness cases (differential: compiled index vs reference matcher)', () => {
  const cases = JSON.parse(readShared('event-ruler', expected.correctnessCases.file)) as { name: string; rule: Json; event: Json }[];

  it(`has ${expected.correctnessCases.count} cases`, () => {
    expect(cases).toHaveLength(expected.correctnessCases.count);
  });

  for (const c of cases) {
    it(c.name, () => {
      const want = referenceMatches(c.rule, c.event);
      expect(matchesPattern(c.rule, c.event)).toBe(want);
      expect(compileRules({ r: c.rule }).match(c.event)).toEqual(want ? ['r'] : []);
    });
  }
});

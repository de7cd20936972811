// The "Rule is too complex" check (facts 1.6; conformance content_wildcard_complex_EXC), modelled on
// event-ruler's MachineComplexityEvaluator. event-ruler builds one byte-level NFA per field for every
// wildcard value, on the *quoted* value (`"` + value + `"`), and scores a rule by the largest number of
// wildcard-pattern prefixes that one input can match at the same time, i.e. the number of NFA states that
// are simultaneously active (a prefix ending in `*` also counts when the star matched nothing). That is
// exactly the count its evaluator reports in its own tests, e.g. `a*b*bb` → 5, `*a*a*a*` in a rule → 7,
// `a*a*a*a*a*a*` in a rule → 11, and `a*aaa` + `aa*aa` on one field → 7.
//
// Threshold. AWS does not publish it; event-ruler's own tests use an evaluator cap of 100. The AWS-validated
// cases pin it down: `"*:*:*:*:*:event-bus/*"` is rejected and scores 11 (input `":::::event-bus/:` is
// matched by `"*`, `"*:`, … `"*:*:*:*:*:` and by `"*:*:*:*:*:event-bus/*` — eleven prefixes), while the
// most complex accepted value, `/Users/*/dir/dir/dir/dir/dir/doc.txt`, scores 7 (the others 2–3). So the
// limit lies in 7..10; a third-party emulator of native EventBridge documents "rejects more than ten
// simultaneously reachable wildcard prefixes", which is consistent, so we reject a score above 10.
// Both wildcard and anything-but wildcard values count, as in current event-ruler.
import { testKey, type FieldCondition, type SubRule } from './rule-model';
import type { WildcardPattern } from './wildcard';

/** The largest complexity EventBridge accepts; a rule scoring more is "too complex". */
export const MAX_COMPLEXITY = 10;

export function isTooComplex(subRules: readonly SubRule[]): boolean {
  return ruleComplexity(subRules, MAX_COMPLEXITY + 1) > MAX_COMPLEXITY;
}

/** Safety valve: states explored per field before we stop and report what we have. */
const MAX_EXPLORED = 20_000;

const STAR = 256;
const UTF8 = new TextEncoder();

interface Machine {
  patterns: Map<string, WildcardPattern>;
}

interface NameNode {
  machines: Map<string, Machine>;
  next: Map<string, NameNode>;
}

function newNode(): NameNode {
  return { machines: new Map(), next: new Map() };
}

/**
 * The complexity of a rule: the largest score of any field machine, where sub-rules share machines
 * along identical leading fields as event-ruler's name-state machine does. Capped at `cap`.
 */
export function ruleComplexity(subRules: readonly SubRule[], cap = MAX_COMPLEXITY): number {
  const hasWildcard = subRules.some((r) =>
    r.fields.some((f) => f.values.some((v) => v.test.op === 'wildcard' || v.test.op === 'anything-but-wildcard')),
  );
  if (!hasWildcard) return 0;
  if (subRules.length === 1) {
    // One sub-rule: each field is its own machine.
    let worst = 0;
    for (const field of subRules[0].fields) {
      const patterns = new Map<string, WildcardPattern>();
      for (const { test } of field.values) {
        if (test.op === 'wildcard') patterns.set(`w${test.value}`, test.pattern);
        else if (test.op === 'anything-but-wildcard') test.patterns.forEach((p, i) => patterns.set(`a${test.values[i]}`, p));
      }
      if (patterns.size > 0) worst = Math.max(worst, fieldScore(patterns, cap));
    }
    return Math.min(worst, cap);
  }
  const root = newNode();
  let any = false;
  for (const rule of subRules) {
    let node = root;
    for (const field of rule.fields) {
      let machine = node.machines.get(field.path);
      if (!machine) {
        machine = { patterns: new Map() };
        node.machines.set(field.path, machine);
      }
      for (const { test } of field.values) {
        if (test.op === 'wildcard') {
          machine.patterns.set(`w${test.value}`, test.pattern);
          any = true;
        } else if (test.op === 'anything-but-wildcard') {
          test.patterns.forEach((p, i) => machine.patterns.set(`a${test.values[i]}`, p));
          any = true;
        }
      }
      const key = fieldIdentity(field);
      let next = node.next.get(key);
      if (!next) {
        next = newNode();
        node.next.set(key, next);
      }
      node = next;
    }
  }
  if (!any) return 0;
  let worst = 0;
  const visit = (node: NameNode): void => {
    for (const machine of node.machines.values()) {
      if (machine.patterns.size > 0) worst = Math.max(worst, fieldScore(machine.patterns, cap));
      if (worst >= cap) return;
    }
    for (const child of node.next.values()) {
      visit(child);
      if (worst >= cap) return;
    }
  };
  visit(root);
  return Math.min(worst, cap);
}

function fieldIdentity(field: FieldCondition): string {
  return field.values.map((v) => testKey(v.test)).join('\u0001');
}

/** Byte tokens of the quoted value, STAR for each wildcard. */
export function tokensOf(pattern: WildcardPattern): Int16Array {
  const out: number[] = [0x22];
  pattern.segments.forEach((segment, i) => {
    if (i > 0) out.push(STAR);
    for (const b of UTF8.encode(segment)) out.push(b);
  });
  out.push(0x22);
  return Int16Array.from(out);
}

const scoreCache = new Map<string, number>();

/** The score of one field's wildcard values (keyed by kind and text), memoized: rule sets repeat them. */
function fieldScore(patterns: Map<string, WildcardPattern>, cap: number): number {
  const key = `${cap}\u0001${[...patterns.keys()].sort().join('\u0001')}`;
  const known = scoreCache.get(key);
  if (known !== undefined) return known;
  const score = machineScore([...patterns.values()].map(tokensOf), cap);
  if (scoreCache.size > 10_000) scoreCache.clear();
  scoreCache.set(key, score);
  return score;
}

/** Largest number of prefixes of the patterns that one input matches together (capped). */
export function machineScore(patterns: readonly Int16Array[], cap = MAX_COMPLEXITY): number {
  // Bit k of a pattern's state: its first k tokens match the input read so far (bit 0: the empty prefix).
  // A literal moves a bit one place up when the byte fits; a star keeps its bit and takes the bit below.
  const alphabet = new Set<number>([-1]); // -1: any byte no pattern names
  for (const p of patterns) for (const t of p) if (t !== STAR) alphabet.add(t);
  const literal = patterns.map((tokens) => {
    const masks = new Map<number, bigint>();
    tokens.forEach((t, i) => {
      if (t !== STAR) masks.set(t, (masks.get(t) ?? 0n) | (1n << BigInt(i + 1)));
    });
    return masks;
  });
  const stars = patterns.map((tokens) => tokens.reduce((m, t, i) => (t === STAR ? m | (1n << BigInt(i + 1)) : m), 0n));
  const initial = stars.map((star) => 1n | ((1n << 1n) & star));
  const seen = new Set<string>();
  const queue: bigint[][] = [initial];
  let best = 0;
  while (queue.length > 0 && seen.size < MAX_EXPLORED) {
    const current = queue.shift() as bigint[];
    for (const byte of alphabet) {
      let score = 0;
      let alive = false;
      const next = current.map((prev, i) => {
        let state = (prev << 1n) & (literal[i].get(byte) ?? 0n);
        state |= prev & stars[i];
        state |= (state << 1n) & stars[i];
        if (state !== 0n) {
          alive = true;
          score += popcount(state);
        }
        return state;
      });
      if (!alive) continue;
      if (score >= cap) return cap;
      if (score > best) best = score;
      const key = next.map((s) => s.toString(36)).join(',');
      if (!seen.has(key)) {
        seen.add(key);
        queue.push(next);
      }
    }
  }
  return best;
}

function popcount(value: bigint): number {
  let n = 0;
  for (let v = value; v !== 0n; v &= v - 1n) n++;
  return n;
}

// Differential property test: random patterns and events (fixed seed) through every matching path of
// the engine — matchesPattern, compileRules with many rules at once, and the `route` reading paths
// (anchor skim + JSON.parse walk, and the exact scanner) — against the reference matcher. A disagreement
// is a bug; the failure message prints the pattern and the event.
import { describe, expect, it } from 'vitest';
import { compilePatternValue } from '../../compiler/pattern/compile-pattern';
import { EventScanner } from '../../compiler/pattern/event-scanner';
import { parsePatternText } from '../../compiler/pattern/json-text';
import { compileRules, matchesPattern } from '../../compiler/pattern/matcher';
import { RuleSet } from '../../compiler/pattern/rule-set';
import { referenceMatches, type Json } from './reference-matcher';
import { seededRandom } from '../support/random';

const KEYS = ['a', 'b', 'c', 'd'];
const STRINGS = ['x', 'y', 'X', 'xy', 'xyz', '', 'null', 'ab', 'Abc', 'a.png', 'A.PNG', '10.0.0.1', '10.0.1.7', '2001:db8::1', 'ß', 'SS'];
const NUMBERS = [0, 1, 5, 100, 100.5, -3, 2.5e-3, 9007199254740993];
const WILDCARDS = ['*', 'x*', '*y', 'a*b', '*.png', 'x*z', ''];

class Gen {
  constructor(private readonly r: () => number) {}
  pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.r() * list.length)];
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  primitive(): Json {
    const k = this.r();
    if (k < 0.55) return this.pick(STRINGS);
    if (k < 0.85) return this.pick(NUMBERS);
    if (k < 0.93) return this.chance(0.5);
    return null;
  }
  event(depth = 0): { [k: string]: Json } {
    const out: { [k: string]: Json } = {};
    const n = 1 + Math.floor(this.r() * 4);
    for (let i = 0; i < n; i++) {
      const key = this.chance(0.08) && depth === 0 ? 'a.b' : this.pick(KEYS);
      const k = this.r();
      if (k < 0.55 || depth >= 2) out[key] = this.primitive();
      else if (k < 0.7) out[key] = Array.from({ length: Math.floor(this.r() * 3) }, () => this.primitive());
      else if (k < 0.85) out[key] = this.event(depth + 1);
      else out[key] = Array.from({ length: 1 + Math.floor(this.r() * 3) }, () => this.event(depth + 1));
    }
    return out;
  }
  valueSpec(): Json {
    const s = this.pick(STRINGS);
    switch (Math.floor(this.r() * 16)) {
      case 0:
      case 1:
        return this.primitive();
      case 2:
        return { prefix: s.slice(0, 1 + Math.floor(this.r() * 2)) };
      case 3:
        return { suffix: s.slice(-1) || 'x' };
      case 4:
        return { prefix: { 'equals-ignore-case': s.slice(0, 2) } };
      case 5:
        return { suffix: { 'equals-ignore-case': s.slice(-2) } };
      case 6:
        return { 'equals-ignore-case': s };
      case 7:
        return { wildcard: this.pick(WILDCARDS) };
      case 8:
        return { 'anything-but': this.chance(0.5) ? s : [s, this.pick(STRINGS)] };
      case 9:
        return { 'anything-but': this.chance(0.5) ? this.pick(NUMBERS.slice(0, 7)) : [this.pick(NUMBERS.slice(0, 7)), 1] };
      case 10: {
        const kind = this.pick(['prefix', 'suffix', 'equals-ignore-case', 'wildcard']);
        const v = kind === 'wildcard' ? this.pick(WILDCARDS) : s || 'x';
        return { 'anything-but': { [kind]: this.chance(0.5) ? v : [v, 'q'] } };
      }
      case 11: {
        const lo = this.pick([-10, 0, 1, 5, 100]);
        const k = this.r();
        if (k < 0.3) return { numeric: ['>', lo] };
        if (k < 0.5) return { numeric: ['<=', lo] };
        if (k < 0.6) return { numeric: ['=', lo] };
        return { numeric: ['>=', lo, '<', lo + this.pick([1, 5, 200])] };
      }
      case 12:
      case 13:
        return { exists: this.chance(0.6) };
      case 14:
        return { cidr: this.pick(['10.0.0.0/24', '10.0.0.0/16', '2001:db8::/32']) };
      default:
        return s;
    }
  }
  pattern(depth = 0): { [k: string]: Json } {
    const out: { [k: string]: Json } = {};
    const n = 1 + Math.floor(this.r() * (depth === 0 ? 3 : 2));
    for (let i = 0; i < n; i++) {
      if (depth < 2 && this.chance(0.1)) {
        out.$or = [this.pattern(depth + 1), this.pattern(depth + 1)];
        continue;
      }
      const key = this.chance(0.06) && depth === 0 ? 'a.b' : this.pick(KEYS);
      if (depth < 2 && this.chance(0.25)) out[key] = this.pattern(depth + 1);
      else out[key] = Array.from({ length: 1 + Math.floor(this.r() * 3) }, () => this.valueSpec());
    }
    return out;
  }
}

function validPatterns(gen: Gen, count: number): { [k: string]: Json }[] {
  const out: { [k: string]: Json }[] = [];
  while (out.length < count) {
    const p = gen.pattern();
    if (compilePatternValue(p).reason === undefined) out.push(p);
  }
  return out;
}

describe('differential: engine vs reference matcher on random patterns and events', () => {
  it('agrees for single patterns (matchesPattern)', () => {
    const gen = new Gen(seededRandom(20240611));
    const patterns = validPatterns(gen, 400);
    let matches = 0;
    for (const pattern of patterns) {
      for (let i = 0; i < 10; i++) {
        const event = gen.event();
        const want = referenceMatches(pattern, event);
        if (want) matches++;
        const got = matchesPattern(pattern, event);
        if (got !== want) expect({ pattern, event, got }).toEqual({ pattern, event, got: want });
      }
    }
    // The generator must exercise both outcomes, or the test proves little.
    expect(matches).toBeGreaterThan(200);
    expect(matches).toBeLessThan(3800);
  });

  it('agrees for many rules compiled together, through every route reading path', () => {
    const gen = new Gen(seededRandom(7));
    for (let round = 0; round < 6; round++) {
      const patterns = validPatterns(gen, 60);
      const named = Object.fromEntries(patterns.map((p, i) => [`r${String(i).padStart(2, '0')}`, p]));
      const compiled = compileRules(named);
      const ruleSet = new RuleSet(Object.entries(named).map(([name, p]) => ({ name, subRules: compilePatternValue(p).subRules })));
      const skimming = new EventScanner(ruleSet);
      const exact = new EventScanner(ruleSet, { exactOnly: true });
      for (let i = 0; i < 150; i++) {
        const event = gen.event();
        const want = Object.keys(named).filter((n) => referenceMatches(named[n], event));
        expect(compiled.match(event), JSON.stringify(event)).toEqual(want);
        const line = JSON.stringify(event);
        for (const scanner of [skimming, exact]) {
          expect(scanner.read(line, ruleSet.anchorRoot, true)).toBe(true);
          let got: string[] = [];
          if (ruleSet.activate(scanner.fields, scanner.pathIds)) {
            expect(scanner.read(line, ruleSet.root)).toBe(true);
            got = ruleSet.confirmActive(scanner.fields, scanner.pathIds).map((id) => ruleSet.names[id]);
          }
          expect(got, line).toEqual(want);
        }
      }
    }
  });
});

describe('robustness on arbitrary input', () => {
  const OPS = ['prefix', 'suffix', 'anything-but', 'numeric', 'exists', 'cidr', 'wildcard', 'equals-ignore-case', 'exactly', '$or', 'x', '>', '='];
  function junk(r: () => number, depth = 0): Json {
    const k = r();
    if (depth > 3 || k < 0.3) {
      const leaves: Json[] = ['x', '', '*', '**', '\\', '10.0.0.0/8', '1::/200', '>', '=', 1, -0, 1e300, 0.5, true, false, null];
      return leaves[Math.floor(r() * leaves.length)];
    }
    if (k < 0.6) return Array.from({ length: Math.floor(r() * 4) }, () => junk(r, depth + 1));
    const obj: { [key: string]: Json } = {};
    for (let i = Math.floor(r() * 4); i > 0; i--) obj[OPS[Math.floor(r() * OPS.length)]] = junk(r, depth + 1);
    return obj;
  }

  it('never throws while validating or matching', () => {
    const r = seededRandom(99);
    const gen = new Gen(r);
    let valid = 0;
    for (let i = 0; i < 3000; i++) {
      const pattern = junk(r);
      const compiled = compilePatternValue(pattern);
      expect(compiled.ok || compiled.issues.some((issue) => issue.severity === 'error')).toBe(true);
      if (compiled.reason === undefined) {
        valid++;
        expect(typeof matchesPattern(pattern, gen.event())).toBe('boolean');
      }
    }
    expect(valid).toBeGreaterThan(10);
  });

  it('never throws while parsing mangled JSON text', () => {
    const r = seededRandom(5);
    const base = '{"detail":{"a":[{"prefix":"x"},1.5e3,null],"$or":[{"b":["\\u00e9"]},{"c":[true]}]}}';
    for (let i = 0; i < 3000; i++) {
      const chars = [...base];
      for (let m = 0; m < 3; m++) {
        const at = Math.floor(r() * chars.length);
        if (r() < 0.5) chars.splice(at, 1);
        else chars.splice(at, 0, '{}[]",:\\0e-'[Math.floor(r() * 12)]);
      }
      const parsed = parsePatternText(chars.join(''));
      expect(parsed.node !== undefined || parsed.error !== undefined).toBe(true);
    }
  });
});

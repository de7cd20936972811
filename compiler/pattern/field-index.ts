// The per-path index of the compiled rule set: for one event field it yields, without looking at rules
// one by one, the ids of the conditions (sub-rule fields) the value satisfies. Exact strings, numbers and
// IP literals are hash lookups; prefixes, suffixes, case-folded values and wildcards are bucketed by the
// length of their fixed text and looked up by slicing the value; numeric ranges are sorted (one-sided) or
// cut into elementary segments (two-sided); only anything-but and the rare quirky operands (a `"` inside a
// prefix, non-simple case folding) are checked one by one. Every candidate from a bucket is verified with
// the same primitives value-tests.ts uses, so the index can never disagree with the plain semantics.
import { foldEquals, type FoldPattern } from './ignore-case';
import { ipHexCached as ipHex, type IpRange } from './ip';
import type { ValueTest } from './rule-model';
import { foldPrefixQuoted, foldSuffixQuoted, testMatches } from './value-tests';
import type { EventField } from './event-fields';
import { wildcardMatches, type WildcardPattern } from './wildcard';

export type HitSink = (cond: number) => void;

/** Entries grouped by the exact text of a fixed-length key, with the distinct lengths sorted. */
class LengthBuckets<T> {
  readonly map = new Map<string, T[]>();
  lengths: number[] = [];

  add(key: string, entry: T): void {
    const list = this.map.get(key);
    if (list) list.push(entry);
    else {
      this.map.set(key, [entry]);
      if (!this.lengths.includes(key.length)) this.lengths.push(key.length);
    }
  }

  finish(): void {
    this.lengths.sort((a, b) => a - b);
  }

  /** Calls `each` with the entries whose key is a prefix of `s`. */
  prefixesOf(s: string, each: (list: T[]) => void): void {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i];
      if (len > s.length) return;
      const list = this.map.get(len === s.length ? s : s.slice(0, len));
      if (list) each(list);
    }
  }

  /** Calls `each` with the entries whose key is a suffix of `s`. */
  suffixesOf(s: string, each: (list: T[]) => void): void {
    const lengths = this.lengths;
    for (let i = 0; i < lengths.length; i++) {
      const len = lengths[i];
      if (len > s.length) return;
      const list = this.map.get(len === s.length ? s : s.slice(s.length - len));
      if (list) each(list);
    }
  }
}

interface FoldEntry {
  fold: FoldPattern;
  raw: string;
  cond: number;
}

interface Checked {
  test: ValueTest;
  cond: number;
}

function push<K>(map: Map<K, number[]>, key: K, cond: number): void {
  const list = map.get(key);
  if (list) list.push(cond);
  else map.set(key, [cond]);
}

/** Numeric conditions on one path. */
class NumericRanges {
  private lower: { bound: number; open: boolean; cond: number }[] = [];
  private upper: { bound: number; open: boolean; cond: number }[] = [];
  private twoSided: { low: number; lowOpen: boolean; high: number; highOpen: boolean; cond: number }[] = [];
  private points: number[] = [];
  private segments: number[][] = [];

  add(test: Extract<ValueTest, { op: 'numeric' }>, cond: number): void {
    if (test.high === Number.POSITIVE_INFINITY) this.lower.push({ bound: test.low, open: test.lowOpen, cond });
    else if (test.low === Number.NEGATIVE_INFINITY) this.upper.push({ bound: test.high, open: test.highOpen, cond });
    else this.twoSided.push({ ...test, cond });
  }

  get empty(): boolean {
    return this.lower.length + this.upper.length + this.twoSided.length === 0;
  }

  finish(): void {
    this.lower.sort((a, b) => a.bound - b.bound);
    this.upper.sort((a, b) => b.bound - a.bound);
    const pts = new Set<number>();
    for (const r of this.twoSided) pts.add(r.low).add(r.high);
    this.points = [...pts].sort((a, b) => a - b);
    this.segments = Array.from({ length: 2 * this.points.length + 1 }, () => []);
    for (const r of this.twoSided) {
      const from = this.segmentOf(r.low) + (r.lowOpen ? 1 : 0);
      const to = this.segmentOf(r.high) - (r.highOpen ? 1 : 0);
      for (let s = from; s <= to; s++) this.segments[s].push(r.cond);
    }
  }

  /** Segment index: 2i+1 is the point points[i], even indices are the gaps around them. */
  private segmentOf(x: number): number {
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.points[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo < this.points.length && this.points[lo] === x ? 2 * lo + 1 : 2 * lo;
  }

  collect(x: number, hit: HitSink): void {
    for (const r of this.lower) {
      if (r.bound > x) break;
      if (r.bound < x || !r.open) hit(r.cond);
    }
    for (const r of this.upper) {
      if (r.bound < x) break;
      if (r.bound > x || !r.open) hit(r.cond);
    }
    if (this.points.length > 0) for (const c of this.segments[this.segmentOf(x)]) hit(c);
  }
}

export class PathIndex {
  private readonly exactString = new Map<string, number[]>();
  private readonly numberLiteral = new Map<string, number[]>();
  private readonly numberValue = new Map<number, number[]>();
  private readonly literal = new Map<string, number[]>();
  private readonly ipExact = new Map<string, number[]>();
  private readonly cidrs: { range: IpRange; cond: number }[] = [];
  private readonly prefix = new LengthBuckets<number>();
  private readonly suffix = new LengthBuckets<number>();
  private readonly foldEqual = new Map<string, FoldEntry[]>();
  private readonly foldPrefix = new LengthBuckets<FoldEntry>();
  private readonly foldSuffix = new LengthBuckets<FoldEntry>();
  private readonly wildcards = new LengthBuckets<{ pattern: WildcardPattern; cond: number }>();
  private readonly ranges = new NumericRanges();
  private readonly exists: number[] = [];
  /** Operands checked one by one: anything-but, and prefix/suffix/fold operands with quirks. */
  private readonly checked: Checked[] = [];
  /** Conditions whose operands need the value's IP form. */
  private hasIp = false;
  private hasStringIndex = false;
  private hasFold = false;

  add(test: ValueTest, cond: number): void {
    switch (test.op) {
      case 'exact-string':
        push(this.exactString, test.value, cond);
        break;
      case 'exact-number':
        push(this.numberLiteral, test.text, cond);
        if (!Number.isNaN(test.num)) push(this.numberValue, test.num, cond);
        break;
      case 'exact-literal':
        push(this.literal, test.text, cond);
        break;
      case 'exact-ip':
        push(this.ipExact, test.hex, cond);
        this.hasIp = true;
        break;
      case 'cidr':
        this.cidrs.push({ range: test.range, cond });
        this.hasIp = true;
        break;
      case 'prefix':
        if (test.value.includes('"')) this.checked.push({ test, cond });
        else this.prefix.add(test.value, cond);
        break;
      case 'suffix':
        if (test.value.includes('"')) this.checked.push({ test, cond });
        else this.suffix.add(test.value, cond);
        break;
      case 'equals-ignore-case':
        if (test.fold.key === null) this.checked.push({ test, cond });
        else {
          const list = this.foldEqual.get(test.fold.key);
          const entry = { fold: test.fold, raw: test.value, cond };
          if (list) list.push(entry);
          else this.foldEqual.set(test.fold.key, [entry]);
          this.hasFold = true;
        }
        break;
      case 'prefix-ignore-case':
        if (test.fold.key === null || test.value.includes('"')) this.checked.push({ test, cond });
        else {
          this.foldPrefix.add(test.fold.key, { fold: test.fold, raw: test.value, cond });
          this.hasFold = true;
        }
        break;
      case 'suffix-ignore-case':
        if (test.fold.key === null || test.value.includes('"')) this.checked.push({ test, cond });
        else {
          this.foldSuffix.add(test.fold.key, { fold: test.fold, raw: test.value, cond });
          this.hasFold = true;
        }
        break;
      case 'wildcard':
        this.wildcards.add(test.pattern.segments[0], { pattern: test.pattern, cond });
        break;
      case 'numeric':
        if (test.low === test.high) push(this.numberValue, test.low, cond);
        else this.ranges.add(test, cond);
        break;
      case 'exists':
        this.exists.push(cond);
        break;
      case 'absent':
        break; // handled by the rule set: absence is about the path, not a value
      default:
        this.checked.push({ test, cond });
    }
  }

  finish(): void {
    this.prefix.finish();
    this.suffix.finish();
    this.foldPrefix.finish();
    this.foldSuffix.finish();
    this.wildcards.finish();
    this.ranges.finish();
    this.hasStringIndex =
      this.prefix.lengths.length + this.suffix.lengths.length + this.wildcards.lengths.length > 0;
  }

  /** Calls `hit` for every condition on this path that `field` satisfies (possibly more than once). */
  collect(field: EventField, hit: HitSink): void {
    for (const c of this.exists) hit(c);
    switch (field.kind) {
      case 'string':
        this.collectString(field.text, hit);
        break;
      case 'number': {
        const byText = this.numberLiteral.get(field.text);
        if (byText) for (const c of byText) hit(c);
        if (!Number.isNaN(field.num)) {
          const byValue = this.numberValue.get(field.num);
          if (byValue) for (const c of byValue) hit(c);
          if (!this.ranges.empty) this.ranges.collect(field.num, hit);
        }
        break;
      }
      default: {
        const list = this.literal.get(field.text);
        if (list) for (const c of list) hit(c);
      }
    }
    for (const { test, cond } of this.checked) if (testMatches(test, field)) hit(cond);
  }

  private collectString(s: string, hit: HitSink): void {
    const exact = this.exactString.get(s);
    if (exact) for (const c of exact) hit(c);
    if (this.hasStringIndex) {
      const n = s.length;
      const prefix = this.prefix;
      for (const len of prefix.lengths) {
        if (len > n) break;
        const list = prefix.map.get(len === n ? s : s.slice(0, len));
        if (list) for (const c of list) hit(c);
      }
      const suffix = this.suffix;
      for (const len of suffix.lengths) {
        if (len > n) break;
        const list = suffix.map.get(len === n ? s : s.slice(n - len));
        if (list) for (const c of list) hit(c);
      }
      const wildcards = this.wildcards;
      for (const len of wildcards.lengths) {
        if (len > n) break;
        const list = wildcards.map.get(len === n ? s : s.slice(0, len));
        if (list) for (const w of list) if (wildcardMatches(w.pattern, s)) hit(w.cond);
      }
    }
    if (this.hasFold) this.collectFolded(s, hit);
    if (this.hasIp) {
      const hex = ipHex(s);
      if (hex !== null) {
        const exactIp = this.ipExact.get(hex);
        if (exactIp) for (const c of exactIp) hit(c);
        for (const { range, cond } of this.cidrs) {
          if (hex.length === range.low.length && hex >= range.low && hex <= range.high) hit(cond);
        }
      }
    }
  }

  private collectFolded(s: string, hit: HitSink): void {
    const lower = s.toLowerCase();
    if (lower.length === s.length) {
      const equal = this.foldEqual.get(lower);
      if (equal) for (const e of equal) if (foldEquals(e.fold, s)) hit(e.cond);
      this.foldPrefix.prefixesOf(lower, (list) => {
        for (const e of list) if (foldPrefixQuoted(e.fold, s, e.raw)) hit(e.cond);
      });
      this.foldSuffix.suffixesOf(lower, (list) => {
        for (const e of list) if (foldSuffixQuoted(e.fold, s, e.raw)) hit(e.cond);
      });
      return;
    }
    // Lower-casing changed the length (e.g. "İ"): positions no longer line up, check every entry.
    for (const list of this.foldEqual.values()) for (const e of list) if (foldEquals(e.fold, s)) hit(e.cond);
    for (const list of this.foldPrefix.map.values()) for (const e of list) if (foldPrefixQuoted(e.fold, s, e.raw)) hit(e.cond);
    for (const list of this.foldSuffix.map.values()) for (const e of list) if (foldSuffixQuoted(e.fold, s, e.raw)) hit(e.cond);
  }
}

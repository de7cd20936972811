// Many rules compiled into one matching structure (the `route` command, compileRules, matchesPattern).
//
// Every rule is expanded into sub-rules (one per `$or` combination) and every sub-rule field into a
// *condition*; identical conditions (same path, same values) are shared by all sub-rules that use them.
// Matching an event takes two steps:
//  1. Activation. Each sub-rule has an anchor (anchor-stage.ts): its most selective condition. Only
//     anchors are indexed by value (field-index.ts), so the event's fields on the anchor paths yield, by
//     hash and sorted lookups, the few sub-rules that can possibly match — work that follows the event,
//     not the number of rules. A large group of sub-rules sharing an anchor gets second anchors.
//  2. Confirmation. Each activated sub-rule checks its conditions against the event's fields on those
//     paths; a condition's result is computed once per event and shared by every sub-rule using it.
//     `exists: false` is the path's absence. When the event has arrays of objects, the check is
//     event-ruler's array-consistent search (ACFinder): fields matched inside an array of objects must come
//     from the same element, and `exists: false` is judged against the elements chosen so far, in the
//     sub-rule's path order (correctness-cases.json, conformance event-ruler/arrayRule*).
// The `route` command reads only the anchor paths of an event for step 1 and the other used paths only
// when something was activated (event-scanner.ts).
import { AnchorStage, type StageCondition } from './anchor-stage';
import { mergeMembership, type EventField } from './event-fields';
import { testKey, type SubRule, type ValueTest } from './rule-model';
import { testMatches } from './value-tests';

/** How a condition is satisfied: by a value hit, by a hit or the path's absence, or by absence only. */
const enum CondKind {
  Hit = 0,
  HitOrAbsent = 1,
  Absent = 2,
}

/** Groups of sub-rules sharing a first anchor get second anchors above this size. */
const NEST_ABOVE = 1000000;

export interface NamedSubRules {
  name: string;
  subRules: readonly SubRule[];
}

/** A trie over the dot-separated segments of every path some rule uses. */
export interface PathNode {
  children: Map<string, PathNode>;
  /** Id of the path ending here, or -1. */
  pathId: number;
}

/** A distinct condition: one path and its list of value tests (shared by sub-rules). */
interface Condition extends StageCondition {
  kind: CondKind;
  /** Fast path when every test is an exact string. */
  strings: Set<string> | null;
}

/** The sub-rules anchored on one first-level anchor, with their second-level stage when large. */
interface Group {
  subRules: readonly number[];
  stage: AnchorStage | null;
}

export class RuleSet {
  readonly names: readonly string[];
  /** JSON text of each rule name, for fast output. */
  readonly nameJson: readonly string[];
  readonly root: PathNode = { children: new Map(), pathId: -1 };
  /** The trie restricted to the first-level anchor paths: enough to know what can match. */
  readonly anchorRoot: PathNode = { children: new Map(), pathId: -1 };
  readonly pathIds = new Map<string, number>();
  /** The path of each path id. */
  readonly pathNames: string[] = [];
  /** Every dot-boundary prefix of a used path (where flattening must descend). */
  private readonly pathPrefixes = new Set<string>();

  private readonly conditions: Condition[] = [];
  private readonly subRuleRule: Int32Array;
  /** Conditions of each sub-rule in path order: subRuleConds[subRuleStart[s] .. subRuleStart[s+1]). */
  private readonly subRuleStart: Int32Array;
  private readonly subRuleConds: Int32Array;
  /** The same conditions, most selective first: the order in which confirmation tries them. */
  private readonly subRuleCheck: Int32Array;
  private readonly level1: AnchorStage;
  private readonly groups = new Map<number, Group>();

  // Per-event scratch, reset by bumping epochs.
  private epoch = 0;
  private linkEpoch = 0;
  private readonly groupStamp: Int32Array;
  private readonly subRuleStamp: Int32Array;
  private readonly ruleStamp: Int32Array;
  private readonly condStamp: Int32Array;
  private readonly condResult: Uint8Array;
  private readonly condFields: (number[] | undefined)[];
  private readonly pathStamp: Int32Array;
  /** Paths with at least one field inside an array of objects in this event (stamped like pathStamp). */
  private readonly pathArrayStamp: Int32Array;
  private readonly pathHead: Int32Array;
  private readonly fieldNext: number[] = [];
  private readonly activeGroups: number[] = [];
  private readonly matched: number[] = [];
  private fields: readonly EventField[] = [];
  private arrayMode = false;

  constructor(rules: readonly NamedSubRules[]) {
    const sorted = [...rules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.names = sorted.map((r) => r.name);
    this.nameJson = this.names.map((n) => JSON.stringify(n));

    const condIds = new Map<string, number>();
    const subRuleRule: number[] = [];
    const subRuleStart: number[] = [0];
    const subRuleConds: number[] = [];
    sorted.forEach((rule, ruleId) => {
      for (const sub of rule.subRules) {
        subRuleRule.push(ruleId);
        for (const field of sub.fields) {
          let key = field.path;
          for (const v of field.values) key += '\u0001' + testKey(v.test);
          let id = condIds.get(key);
          if (id === undefined) {
            id = this.conditions.length;
            condIds.set(key, id);
            this.conditions.push(makeCondition(this.pathId(field.path), field.values.map((v) => v.test)));
          }
          subRuleConds.push(id);
        }
        subRuleStart.push(subRuleConds.length);
      }
    });
    this.subRuleRule = Int32Array.from(subRuleRule);
    this.subRuleStart = Int32Array.from(subRuleStart);
    this.subRuleConds = Int32Array.from(subRuleConds);
    const check: number[] = [];
    for (let sub = 0; sub < subRuleRule.length; sub++) {
      const own = subRuleConds.slice(subRuleStart[sub], subRuleStart[sub + 1]);
      own.sort((a, b) => checkRank(this.conditions[a]) - checkRank(this.conditions[b]));
      check.push(...own);
    }
    this.subRuleCheck = Int32Array.from(check);

    const starts = this.subRuleStart;
    const conds = this.subRuleConds;
    const all = Array.from({ length: subRuleRule.length }, (_, i) => i);
    this.level1 = new AnchorStage({ subRules: all, starts, conds, conditions: this.conditions, pathNames: this.pathNames, preferEnvelope: true });
    for (const [cond, subRules] of this.level1.anchored) {
      const stage =
        subRules.length > NEST_ABOVE
          ? new AnchorStage({ subRules, starts, conds, conditions: this.conditions, pathNames: this.pathNames, exclude: cond, maxRate: 0.5 })
          : null;
      this.groups.set(cond, { subRules, stage: stage && stage.anchored.size > 0 ? stage : null });
    }
    for (const p of this.level1.paths) addToTrie(this.anchorRoot, this.pathNames[p], p);

    this.groupStamp = new Int32Array(this.conditions.length);
    this.subRuleStamp = new Int32Array(subRuleRule.length);
    this.ruleStamp = new Int32Array(sorted.length);
    this.condStamp = new Int32Array(this.conditions.length);
    this.condResult = new Uint8Array(this.conditions.length);
    this.condFields = new Array<number[] | undefined>(this.conditions.length);
    this.pathStamp = new Int32Array(this.pathNames.length);
    this.pathArrayStamp = new Int32Array(this.pathNames.length);
    this.pathHead = new Int32Array(this.pathNames.length);
  }

  private pathId(path: string): number {
    const known = this.pathIds.get(path);
    if (known !== undefined) return known;
    const id = this.pathNames.length;
    this.pathIds.set(path, id);
    this.pathNames.push(path);
    const segments = path.split('.');
    for (let i = 1; i < segments.length; i++) this.pathPrefixes.add(segments.slice(0, i).join('.'));
    addToTrie(this.root, path, id);
    return id;
  }

  /** Whether the flattener must look inside an object or array found at `path`. */
  descends(path: string): boolean {
    return this.pathPrefixes.has(path);
  }

  /**
   * Ids (indices into `names`, ascending) of the rules matching an event given as its fields on used
   * paths, with the path id of each field.
   */
  matchFields(fields: readonly EventField[], pathIds: readonly number[]): number[] {
    this.activate(fields, pathIds);
    return this.confirmActive(fields, pathIds);
  }

  /**
   * Step 1: finds the groups of sub-rules whose first anchor the event satisfies. `fields` may be limited
   * to the first-level anchor paths (anchorRoot). Returns whether anything needs confirming.
   */
  activate(fields: readonly EventField[], pathIds: readonly number[]): boolean {
    if (++this.epoch === 0x7fffffff) {
      this.epoch = 1;
      this.groupStamp.fill(0);
      this.subRuleStamp.fill(0);
      this.ruleStamp.fill(0);
    }
    this.activeGroups.length = 0;
    for (let i = 0; i < fields.length; i++) {
      const index = this.level1.indexes[pathIds[i]];
      if (index) index.collect(fields[i], this.activateGroup);
    }
    return this.activeGroups.length > 0 || this.level1.direct.length > 0;
  }

  private readonly activateGroup = (cond: number): void => {
    if (this.groupStamp[cond] !== this.epoch) {
      this.groupStamp[cond] = this.epoch;
      this.activeGroups.push(cond);
    }
  };

  /** Step 2: confirms the activated sub-rules against all the event's fields on used paths. */
  confirmActive(fields: readonly EventField[], pathIds: readonly number[]): number[] {
    if (++this.linkEpoch === 0x7fffffff) {
      this.linkEpoch = 1;
      this.condStamp.fill(0);
      this.pathStamp.fill(0);
      this.pathArrayStamp.fill(0);
    }
    const linkEpoch = this.linkEpoch;
    this.fields = fields;
    let arrays = false;
    const next = this.fieldNext;
    next.length = fields.length;
    // Link the fields of each path (in reverse, so that lists come out in event order).
    for (let i = fields.length - 1; i >= 0; i--) {
      const p = pathIds[i];
      if (fields[i].arrays.length > 0) {
        arrays = true;
        this.pathArrayStamp[p] = linkEpoch;
      }
      next[i] = this.pathStamp[p] === linkEpoch ? this.pathHead[p] : -1;
      this.pathStamp[p] = linkEpoch;
      this.pathHead[p] = i;
    }
    this.arrayMode = arrays;
    this.matched.length = 0;
    for (const cond of this.activeGroups) {
      const group = this.groups.get(cond) as Group;
      if (!group.stage) {
        for (const sub of group.subRules) this.consider(sub);
        continue;
      }
      const stage = group.stage;
      this.stage = stage;
      for (const p of stage.paths) {
        if (this.pathStamp[p] !== linkEpoch) continue;
        const index = stage.indexes[p];
        if (!index) continue;
        for (let f = this.pathHead[p]; f !== -1; f = next[f]) index.collect(fields[f], this.activateInStage);
      }
      for (const sub of stage.direct) this.consider(sub);
    }
    for (const sub of this.level1.direct) this.consider(sub);
    const matched = this.matched.slice();
    return matched.length > 1 ? matched.sort((a, b) => a - b) : matched;
  }

  private stage: AnchorStage | null = null;

  private readonly activateInStage = (anchor: number): void => {
    const subs = (this.stage as AnchorStage).anchored.get(anchor);
    if (subs) for (const sub of subs) this.consider(sub);
  };

  private consider(sub: number): void {
    if (this.subRuleStamp[sub] === this.epoch) return;
    this.subRuleStamp[sub] = this.epoch;
    const rule = this.subRuleRule[sub];
    if (this.ruleStamp[rule] === this.epoch) return;
    if (!this.confirm(sub)) return;
    this.ruleStamp[rule] = this.epoch;
    this.matched.push(rule);
  }

  /**
   * Whether a condition is satisfied by some field on its path (computed once per event). On a path
   * with fields inside arrays of objects, the satisfying fields are kept for the consistency search.
   */
  private satisfied(cond: number): boolean {
    if (this.condStamp[cond] === this.linkEpoch) return this.condResult[cond] === 1;
    const c = this.conditions[cond];
    let ok = false;
    let hits: number[] | undefined;
    if (this.pathStamp[c.pathId] === this.linkEpoch) {
      const keep = this.underArrays(c.pathId);
      for (let f = this.pathHead[c.pathId]; f !== -1; f = this.fieldNext[f]) {
        if (fieldSatisfies(c, this.fields[f])) {
          ok = true;
          if (!keep) break;
          (hits ??= []).push(f);
        }
      }
    }
    this.condStamp[cond] = this.linkEpoch;
    this.condResult[cond] = ok ? 1 : 0;
    this.condFields[cond] = hits;
    return ok;
  }

  private underArrays(pathId: number): boolean {
    return this.pathArrayStamp[pathId] === this.linkEpoch;
  }

  private present(pathId: number): boolean {
    return this.pathStamp[pathId] === this.linkEpoch;
  }

  private confirm(sub: number): boolean {
    const start = this.subRuleStart[sub];
    const end = this.subRuleStart[sub + 1];
    // Fields outside arrays of objects agree with every other field, so array consistency can only
    // fail when two conditions, or one absence condition, involve paths with fields inside such arrays.
    let constrained = 0;
    let absenceInArrays = false;
    for (let i = start; i < end; i++) {
      const cond = this.subRuleCheck[i];
      const c = this.conditions[cond];
      const inArrays = this.arrayMode && this.underArrays(c.pathId);
      if (inArrays) constrained++;
      if (c.kind === CondKind.Absent) {
        if (inArrays) absenceInArrays = true;
        else if (this.present(c.pathId)) return false;
      } else if (!this.satisfied(cond)) {
        if (c.kind === CondKind.Hit) return false;
        if (inArrays) absenceInArrays = true;
        else if (this.present(c.pathId)) return false;
      }
    }
    if (constrained < 2 && !absenceInArrays) return true;
    return this.consistent(start, end, []);
  }

  /** event-ruler's array-consistent search over the sub-rule's conditions in path order. */
  private consistent(i: number, end: number, membership: readonly number[]): boolean {
    if (i === end) return true;
    const cond = this.subRuleConds[i];
    const c = this.conditions[cond];
    const inArrays = this.underArrays(c.pathId);
    if (c.kind !== CondKind.Absent && this.satisfied(cond)) {
      if (!inArrays) {
        if (this.consistent(i + 1, end, membership)) return true;
      } else {
        for (const f of this.condFields[cond] ?? []) {
          const merged = mergeMembership(membership, this.fields[f].arrays);
          if (merged && this.consistent(i + 1, end, merged)) return true;
        }
      }
    }
    if (c.kind !== CondKind.Hit) {
      // Absent unless some field on the path is consistent with the elements chosen so far.
      let present = false;
      if (this.present(c.pathId)) {
        if (!inArrays) present = true;
        else {
          for (let f = this.pathHead[c.pathId]; f !== -1 && !present; f = this.fieldNext[f]) {
            present = mergeMembership(membership, this.fields[f].arrays) !== null;
          }
        }
      }
      if (!present) return this.consistent(i + 1, end, membership);
    }
    return false;
  }
}

function addToTrie(root: PathNode, path: string, pathId: number): void {
  let node = root;
  for (const segment of path.split('.')) {
    let child = node.children.get(segment);
    if (!child) {
      child = { children: new Map(), pathId: -1 };
      node.children.set(segment, child);
    }
    node = child;
  }
  node.pathId = pathId;
}

/** Confirmation order: conditions likeliest to fail first (exact values, then patterns, ranges, ...). */
function checkRank(c: Condition): number {
  if (c.kind === CondKind.Absent) return 6;
  let rank = 0;
  for (const t of c.tests) {
    const r = t.op.startsWith('exact') ? 0 : t.op === 'numeric' || t.op === 'cidr' ? 2 : t.op === 'exists' ? 4 : t.op.startsWith('anything-but') ? 5 : 1;
    rank = Math.max(rank, r);
  }
  return c.kind === CondKind.HitOrAbsent ? rank + 1 : rank;
}

function makeCondition(pathId: number, tests: ValueTest[]): Condition {
  const absent = tests.some((t) => t.op === 'absent');
  const valued = tests.filter((t) => t.op !== 'absent');
  const kind = !absent ? CondKind.Hit : valued.length > 0 ? CondKind.HitOrAbsent : CondKind.Absent;
  const strings = valued.length > 0 && valued.every((t) => t.op === 'exact-string') ? new Set(valued.map((t) => (t as { value: string }).value)) : null;
  return { pathId, tests: valued, kind, needsValue: kind === CondKind.Hit, strings };
}

function fieldSatisfies(c: Condition, field: EventField): boolean {
  if (c.strings !== null) return field.kind === 'string' && c.strings.has(field.text);
  for (const t of c.tests) if (testMatches(t, field)) return true;
  return false;
}

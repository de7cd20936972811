// Many rules compiled into one matching structure (the `route` command and compileRules). Every rule is
// expanded into sub-rules and every sub-rule field into a *condition*; a per-path index (field-index.ts)
// turns each event field into the conditions it satisfies, and a sub-rule matches once all of its
// conditions are satisfied — so the work per event follows the event's fields and the hits, not the
// number of rules. Conditions with `exists: false` are satisfied by the path's absence. When the event has
// arrays of objects, candidates are confirmed with event-ruler's array-consistent search (ACFinder):
// fields matched inside an array of objects must come from the same element, and `exists: false` is
// judged against the elements chosen so far, in the sub-rule's path order (correctness-cases.json,
// conformance event-ruler/arrayRule*).
import { mergeMembership, type EventField } from './event-fields';
import { PathIndex } from './field-index';
import type { SubRule } from './rule-model';

/** How a condition is satisfied: by a value hit, by a hit or the path's absence, or by absence only. */
const enum CondKind {
  Hit = 0,
  HitOrAbsent = 1,
  Absent = 2,
}

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

export class RuleSet {
  readonly names: readonly string[];
  /** JSON text of each rule name, for fast output. */
  readonly nameJson: readonly string[];
  readonly root: PathNode = { children: new Map(), pathId: -1 };
  readonly pathIds = new Map<string, number>();
  /** The path of each path id. */
  readonly pathNames: string[] = [];
  /** Every dot-boundary prefix of a used path (where flattening must descend). */
  readonly pathPrefixes = new Set<string>();
  readonly indexes: PathIndex[] = [];

  private readonly subRuleRule: Int32Array;
  private readonly subRuleNeed: Int32Array;
  /** Conditions of each sub-rule in path order: subRuleConds[subRuleStart[s] .. subRuleStart[s+1]). */
  private readonly subRuleStart: Int32Array;
  private readonly subRuleConds: Int32Array;
  private readonly condSubRule: Int32Array;
  private readonly condPath: Int32Array;
  private readonly condKind: Uint8Array;
  /** Sub-rules with no condition that needs a hit: checked on every event. */
  private readonly alwaysCheck: Int32Array;

  // Per-event scratch, reset by bumping the epoch.
  private epoch = 0;
  private readonly condStamp: Int32Array;
  private readonly subRuleStamp: Int32Array;
  private readonly subRuleCount: Int32Array;
  private readonly pathStamp: Int32Array;
  private readonly ruleStamp: Int32Array;
  private candidates: number[] = [];
  /** In array mode: for each condition hit in this event, the indices of the fields that hit it. */
  private condHits: (number[] | undefined)[] = [];
  private touchedConds: number[] = [];
  private fieldsOfPath: (number[] | undefined)[] = [];
  private touchedPaths: number[] = [];
  private currentFields: readonly EventField[] = [];
  private arrayMode = false;

  constructor(rules: readonly NamedSubRules[]) {
    const sorted = [...rules].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    this.names = sorted.map((r) => r.name);
    this.nameJson = this.names.map((n) => JSON.stringify(n));
    const subRuleRule: number[] = [];
    const subRuleNeed: number[] = [];
    const subRuleStart: number[] = [0];
    const subRuleConds: number[] = [];
    const condSubRule: number[] = [];
    const condPath: number[] = [];
    const condKind: number[] = [];
    const always: number[] = [];
    sorted.forEach((rule, ruleId) => {
      for (const sub of rule.subRules) {
        const subId = subRuleRule.length;
        subRuleRule.push(ruleId);
        let need = 0;
        for (const field of sub.fields) {
          const cond = condSubRule.length;
          const pathId = this.pathId(field.path);
          const absent = field.values.some((v) => v.test.op === 'absent');
          const valued = field.values.some((v) => v.test.op !== 'absent');
          const kind = !absent ? CondKind.Hit : valued ? CondKind.HitOrAbsent : CondKind.Absent;
          if (kind === CondKind.Hit) need++;
          condSubRule.push(subId);
          condPath.push(pathId);
          condKind.push(kind);
          subRuleConds.push(cond);
          for (const v of field.values) this.indexes[pathId].add(v.test, cond);
        }
        subRuleNeed.push(need);
        subRuleStart.push(subRuleConds.length);
        if (need === 0) always.push(subId);
      }
    });
    for (const index of this.indexes) index.finish();
    this.subRuleRule = Int32Array.from(subRuleRule);
    this.subRuleNeed = Int32Array.from(subRuleNeed);
    this.subRuleStart = Int32Array.from(subRuleStart);
    this.subRuleConds = Int32Array.from(subRuleConds);
    this.condSubRule = Int32Array.from(condSubRule);
    this.condPath = Int32Array.from(condPath);
    this.condKind = Uint8Array.from(condKind);
    this.alwaysCheck = Int32Array.from(always);
    this.condStamp = new Int32Array(condSubRule.length);
    this.subRuleStamp = new Int32Array(subRuleRule.length);
    this.subRuleCount = new Int32Array(subRuleRule.length);
    this.pathStamp = new Int32Array(this.indexes.length);
    this.ruleStamp = new Int32Array(sorted.length);
  }

  private pathId(path: string): number {
    const known = this.pathIds.get(path);
    if (known !== undefined) return known;
    const id = this.indexes.length;
    this.pathIds.set(path, id);
    this.pathNames.push(path);
    this.indexes.push(new PathIndex());
    const segments = path.split('.');
    let node = this.root;
    for (let i = 0; i < segments.length; i++) {
      if (i > 0) this.pathPrefixes.add(segments.slice(0, i).join('.'));
      let child = node.children.get(segments[i]);
      if (!child) {
        child = { children: new Map(), pathId: -1 };
        node.children.set(segments[i], child);
      }
      node = child;
    }
    node.pathId = id;
    return id;
  }

  /** Whether the flattener must look inside an object or array found at `path`. */
  descends(path: string): boolean {
    return this.pathPrefixes.has(path);
  }

  private bumpEpoch(): void {
    if (++this.epoch === 0x7fffffff) {
      this.epoch = 1;
      this.condStamp.fill(0);
      this.subRuleStamp.fill(0);
      this.pathStamp.fill(0);
      this.ruleStamp.fill(0);
    }
  }

  private readonly hit = (cond: number): void => {
    if (this.condStamp[cond] === this.epoch) {
      if (this.arrayMode) this.recordHit(cond);
      return;
    }
    this.condStamp[cond] = this.epoch;
    if (this.arrayMode) this.recordHit(cond);
    if (this.condKind[cond] !== CondKind.Hit) return;
    const sub = this.condSubRule[cond];
    let count: number;
    if (this.subRuleStamp[sub] !== this.epoch) {
      this.subRuleStamp[sub] = this.epoch;
      count = 1;
    } else {
      count = this.subRuleCount[sub] + 1;
    }
    this.subRuleCount[sub] = count;
    if (count === this.subRuleNeed[sub]) this.candidates.push(sub);
  };

  private currentField = 0;

  private recordHit(cond: number): void {
    let list = this.condHits[cond];
    if (!list) {
      list = [];
      this.condHits[cond] = list;
      this.touchedConds.push(cond);
    }
    if (list[list.length - 1] !== this.currentField) list.push(this.currentField);
  }

  /**
   * Ids (indices into `names`, ascending) of the rules matching an event given as its flattened fields
   * (only fields on used paths matter) and the path id of each field.
   */
  matchFields(fields: readonly EventField[], pathIds: readonly number[]): number[] {
    this.bumpEpoch();
    const epoch = this.epoch;
    this.candidates.length = 0;
    this.currentFields = fields;
    let arrays = false;
    for (const f of fields) if (f.arrays.length > 0) arrays = true;
    this.arrayMode = arrays;
    for (let i = 0; i < fields.length; i++) {
      const pathId = pathIds[i];
      this.pathStamp[pathId] = epoch;
      if (arrays) this.notePathField(pathId, i);
      this.currentField = i;
      this.indexes[pathId].collect(fields[i], this.hit);
    }
    const matched: number[] = [];
    const accept = (sub: number): void => {
      const rule = this.subRuleRule[sub];
      if (this.ruleStamp[rule] === epoch) return;
      if (!this.confirm(sub)) return;
      this.ruleStamp[rule] = epoch;
      matched.push(rule);
    };
    for (const sub of this.candidates) accept(sub);
    for (const sub of this.alwaysCheck) accept(sub);
    if (arrays) this.resetArrayScratch();
    return matched.length > 1 ? matched.sort((a, b) => a - b) : matched;
  }

  private notePathField(pathId: number, field: number): void {
    let list = this.fieldsOfPath[pathId];
    if (!list) {
      list = [];
      this.fieldsOfPath[pathId] = list;
      this.touchedPaths.push(pathId);
    }
    list.push(field);
  }

  private resetArrayScratch(): void {
    for (const c of this.touchedConds) this.condHits[c] = undefined;
    for (const p of this.touchedPaths) this.fieldsOfPath[p] = undefined;
    this.touchedConds.length = 0;
    this.touchedPaths.length = 0;
  }

  /** All of the sub-rule's absence conditions hold (and, with arrays, a consistent choice exists). */
  private confirm(sub: number): boolean {
    const start = this.subRuleStart[sub];
    const end = this.subRuleStart[sub + 1];
    if (this.arrayMode && end - start > 1) return this.consistent(start, end, []);
    for (let i = start; i < end; i++) {
      const cond = this.subRuleConds[i];
      const kind = this.condKind[cond];
      if (kind === CondKind.Hit) continue;
      if (kind === CondKind.HitOrAbsent && this.condStamp[cond] === this.epoch) continue;
      if (this.pathStamp[this.condPath[cond]] === this.epoch) return false;
    }
    return true;
  }

  /** event-ruler's array-consistent search over the sub-rule's conditions in path order. */
  private consistent(i: number, end: number, membership: readonly number[]): boolean {
    if (i === end) return true;
    const cond = this.subRuleConds[i];
    const kind = this.condKind[cond];
    if (kind !== CondKind.Absent && this.condStamp[cond] === this.epoch) {
      for (const f of this.condHits[cond] ?? []) {
        const merged = mergeMembership(membership, this.currentFields[f].arrays);
        if (merged && this.consistent(i + 1, end, merged)) return true;
      }
    }
    if (kind !== CondKind.Hit) {
      // Absent unless some field on the path is consistent with the elements chosen so far.
      const present = (this.fieldsOfPath[this.condPath[cond]] ?? []).some(
        (f) => mergeMembership(membership, this.currentFields[f].arrays) !== null,
      );
      if (!present) return this.consistent(i + 1, end, membership);
    }
    return false;
  }
}

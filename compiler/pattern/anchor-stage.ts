// Anchor selection for the rule set. A sub-rule can only match if each of its conditions is satisfied,
// so it is enough to look up, by value, *one* condition per sub-rule — its anchor — and to check the rest
// only for the sub-rules whose anchor fired. A stage picks the anchors of a set of sub-rules and indexes
// them per path (field-index.ts). The rule set uses two levels: anchors over all sub-rules, then, inside
// a large group of sub-rules sharing one anchor (e.g. 75 rules on one detail-type), second anchors that
// tell those sub-rules apart, as event-ruler's state machine narrows rule by rule field after field.
import { PathIndex } from './field-index';
import type { ValueTest } from './rule-model';

export interface StageCondition {
  pathId: number;
  /** The condition's value tests (without `exists: false`). */
  tests: readonly ValueTest[];
  /** True when the condition needs a value (no `exists: false` alternative): only those can anchor. */
  needsValue: boolean;
}

export interface StageInput {
  subRules: readonly number[];
  /** The conditions of a sub-rule. */
  conditionsOf: (subRule: number) => Iterable<number>;
  conditions: readonly StageCondition[];
  pathNames: readonly string[];
  /** A condition every sub-rule of the stage is already known to satisfy (the parent anchor). */
  exclude?: number;
  /** Sub-rules whose best anchor costs more than this are not anchored (checked whenever the stage is). */
  maxCost?: number;
  /** Prefer the envelope fields (first level only: inside a group they are usually shared by all). */
  preferEnvelope?: boolean;
}

const EXACT_OPS: ReadonlySet<string> = new Set(['exact-string', 'exact-number', 'exact-literal', 'exact-ip']);

/** Rough cost of an anchor by operator: how often it can be expected to fire, relative to an exact value. */
const OPERATOR_COST: Partial<Record<ValueTest['op'], number>> = {
  'equals-ignore-case': 50,
  prefix: 500,
  suffix: 500,
  'prefix-ignore-case': 600,
  'suffix-ignore-case': 600,
  wildcard: 800,
  cidr: 2000,
  numeric: 4000,
  exists: 50000,
};
const UNSELECTIVE = 100000;

/**
 * Without statistics of the events, the envelope fields EventBridge routes by are preferred: nearly every
 * rule names them and an event has exactly one value for each (a smaller weight makes a likelier anchor).
 */
const PATH_WEIGHT: Record<string, number> = { 'detail-type': 0.05, source: 0.1, account: 0.5, region: 0.5 };

/** JSON.stringify replacer that leaves out derived (compiled) members, for identity keys. */
export function skipCompiled(key: string, value: unknown): unknown {
  return key === 'fold' || key === 'folds' || key === 'pattern' || key === 'patterns' ? undefined : value;
}

export class AnchorStage {
  /** Index of the anchors on each path (sparse by path id). */
  readonly indexes: (PathIndex | undefined)[] = [];
  /** Path ids that carry anchors. */
  readonly paths: number[] = [];
  /** For each anchor condition, the sub-rules it anchors. */
  readonly anchored = new Map<number, number[]>();
  /** Sub-rules without a usable anchor: checked whenever the stage is consulted. */
  readonly direct: number[] = [];

  constructor(input: StageInput) {
    const { conditions, exclude } = input;
    // An exact value is selective when few sub-rules share it (each hit activates them) and when its path
    // has many distinct values among the rules: a path whose rules use only `true`, or three statuses,
    // probably carries those values in many events. Booleans and null are poor anchors.
    const share = new Map<string, number>();
    const distinct = new Map<number, Set<string>>();
    const keyOf = (t: ValueTest): string => JSON.stringify(t, skipCompiled);
    for (const sub of input.subRules) {
      for (const cond of input.conditionsOf(sub)) {
        const c = conditions[cond];
        for (const t of c.tests) {
          if (!EXACT_OPS.has(t.op)) continue;
          const key = `${c.pathId}\u0000${keyOf(t)}`;
          share.set(key, (share.get(key) ?? 0) + 1);
          let values = distinct.get(c.pathId);
          if (!values) distinct.set(c.pathId, (values = new Set()));
          values.add(key);
        }
      }
    }
    const costOf = new Map<number, number>();
    const cost = (cond: number): number => {
      const known = costOf.get(cond);
      if (known !== undefined) return known;
      const c = conditions[cond];
      const weight = input.preferEnvelope ? (PATH_WEIGHT[input.pathNames[c.pathId]] ?? 1) : 1;
      let total = 0;
      for (const t of c.tests) {
        if (EXACT_OPS.has(t.op)) {
          const shared = share.get(`${c.pathId}\u0000${keyOf(t)}`) ?? 1;
          const spread = distinct.get(c.pathId)?.size ?? 1;
          total += shared + (t.op === 'exact-literal' ? 1000 : 100 / spread);
        } else {
          total += OPERATOR_COST[t.op] ?? UNSELECTIVE;
        }
      }
      total *= weight;
      costOf.set(cond, total);
      return total;
    };
    for (const sub of input.subRules) {
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      for (const cond of input.conditionsOf(sub)) {
        if (cond === exclude || !conditions[cond].needsValue) continue;
        const k = cost(cond);
        if (k < bestCost) {
          bestCost = k;
          best = cond;
        }
      }
      if (best === -1 || bestCost > (input.maxCost ?? Number.POSITIVE_INFINITY)) {
        this.direct.push(sub);
        continue;
      }
      let list = this.anchored.get(best);
      if (!list) {
        list = [];
        this.anchored.set(best, list);
        const c = conditions[best];
        let index = this.indexes[c.pathId];
        if (!index) {
          index = new PathIndex();
          this.indexes[c.pathId] = index;
          this.paths.push(c.pathId);
        }
        for (const t of c.tests) index.add(t, best);
      }
      list.push(sub);
    }
    for (const p of this.paths) (this.indexes[p] as PathIndex).finish();
  }
}

// Anchor selection for the rule set. A sub-rule can only match if each of its conditions is satisfied,
// so it is enough to look up, by value, *one* condition per sub-rule — its anchor — and to check the rest
// only for the sub-rules whose anchor fired. A stage picks the anchors of a set of sub-rules and indexes
// them per path (field-index.ts). The rule set uses two levels: anchors over all sub-rules, then, inside
// a large group of sub-rules sharing one anchor (e.g. 75 rules on one detail-type), second anchors that
// tell those sub-rules apart, as event-ruler's state machine narrows rule by rule field after field.
import { PathIndex } from './field-index';
import { testKey, type ValueTest } from './rule-model';

export interface StageCondition {
  pathId: number;
  /** The condition's value tests (without `exists: false`). */
  tests: readonly ValueTest[];
  /** True when the condition needs a value (no `exists: false` alternative): only those can anchor. */
  needsValue: boolean;
}

export interface StageInput {
  subRules: readonly number[];
  /** The conditions of sub-rule s are conds[starts[s] .. starts[s+1]). */
  starts: Int32Array;
  conds: Int32Array;
  conditions: readonly StageCondition[];
  pathNames: readonly string[];
  /** A condition every sub-rule of the stage is already known to satisfy (the parent anchor). */
  exclude?: number;
  /** Sub-rules whose best anchor is expected to fire more often than this are not anchored. */
  maxRate?: number;
  /** Prefer the envelope fields (first level only: inside a group they are usually shared by all). */
  preferEnvelope?: boolean;
}

const EXACT_OPS: ReadonlySet<string> = new Set(['exact-string', 'exact-number', 'exact-literal', 'exact-ip']);

/**
 * Estimated share of events in which a value test fires, by operator (exact values are estimated from
 * how many distinct values the rules use on the path). No statistics of the events are available, so
 * these are deliberately rough; they only rank the conditions of one sub-rule against each other.
 */
const OPERATOR_RATE: Partial<Record<ValueTest['op'], number>> = {
  prefix: 0.2,
  suffix: 0.2,
  'prefix-ignore-case': 0.25,
  'suffix-ignore-case': 0.25,
  wildcard: 0.15,
  cidr: 0.3,
  numeric: 0.45,
  exists: 0.8,
};
const UNSELECTIVE = 1;

/**
 * Without statistics of the events, the envelope fields EventBridge routes by are preferred: nearly every
 * rule names them and an event has exactly one value for each (a smaller weight makes a likelier anchor).
 */
const PATH_WEIGHT: Record<string, number> = { 'detail-type': 0.05, source: 0.1, account: 0.5, region: 0.5 };

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
    // An exact value is selective when its path has many distinct values among the rules: a path whose
    // rules use only `true`, or three statuses, probably carries those values in many events.
    const distinct = new Map<number, Set<string>>();
    const { starts, conds } = input;
    // A condition every sub-rule of the stage has (the same source in a detail-type group) tells none apart.
    const uses = new Map<number, number>();
    for (const sub of input.subRules) {
      for (let i = starts[sub]; i < starts[sub + 1]; i++) {
        uses.set(conds[i], (uses.get(conds[i]) ?? 0) + 1);
        const c = conditions[conds[i]];
        for (const t of c.tests) {
          if (!EXACT_OPS.has(t.op)) continue;
          let values = distinct.get(c.pathId);
          if (!values) distinct.set(c.pathId, (values = new Set()));
          values.add(testKey(t));
        }
      }
    }
    const rateOf = new Map<number, number>();
    const cost = (cond: number): number => {
      const known = rateOf.get(cond);
      if (known !== undefined) return known;
      const c = conditions[cond];
      let rate = 0;
      for (const t of c.tests) {
        if (t.op === 'exact-literal') rate += 0.5;
        else if (EXACT_OPS.has(t.op) || t.op === 'equals-ignore-case') rate += 1 / Math.max(2, distinct.get(c.pathId)?.size ?? 2);
        else rate += OPERATOR_RATE[t.op] ?? UNSELECTIVE;
      }
      const weight = input.preferEnvelope ? (PATH_WEIGHT[input.pathNames[c.pathId]] ?? 1) : 1;
      const total = Math.min(rate, UNSELECTIVE) * weight;
      rateOf.set(cond, total);
      return total;
    };
    for (const sub of input.subRules) {
      let best = -1;
      let bestCost = Number.POSITIVE_INFINITY;
      for (let i = starts[sub]; i < starts[sub + 1]; i++) {
        const cond = conds[i];
        if (cond === exclude || !conditions[cond].needsValue) continue;
        if (exclude !== undefined && uses.get(cond) === input.subRules.length) continue;
        const k = cost(cond);
        if (k < bestCost) {
          bestCost = k;
          best = cond;
        }
      }
      if (best === -1 || bestCost > (input.maxRate ?? Number.POSITIVE_INFINITY)) {
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

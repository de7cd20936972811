// Where the schema registry's schemas go: one AWS::EventSchemas::Schema per event type. They stay in the
// core stack while they fit beside its other resources (within the stack budget, and within a share of
// CloudFormation's 1 MB per template: a schema may take up to 100 KB); past that they get
// stacks of their own, `<project>-schemas[-n]`, 2^k of them by a hash of each event type's name, with
// the smallest k that fits (as route stacks split a domain, plan/stacks.ts): the placement depends only
// on names, so adding an event type moves no other schema unless k has to grow.
//
// Every move is deployable in order: schema stacks depend on the core stack, and shard s + 2^k on
// shard s (core/schemas.ts); a schema only ever moves from the core stack to a schema stack, or (k
// growing) from shard s to shard s + 2^k. The stack it leaves is deployed first, deleting it
// (CloudFormation's cleanup) before the stack it enters creates it under the same name.
import type { EventType } from '../../model/types';
import { boundedName, NAME_RULES, shortHash } from '../naming/bounded-name';

export interface SchemaStackPlan {
  stackName: string;
  shard: number;
  eventTypes: EventType[];
}

/** Bits of an event type's name hash that choose its shard at most (shortHash has 32). */
const MAX_SHARD_BITS = 32;

/** Template bytes the schemas may take in the core stack (beside everything else it holds). */
export const CORE_SCHEMA_BYTES = 400_000;
/** Template bytes of schemas per schema stack (CloudFormation takes templates of 1 MB). */
export const SCHEMA_STACK_BYTES = 800_000;

/**
 * The schema stacks: none when the schemas fit in the core stack beside its `coreResources` other
 * resources (at most `budget` in all, and CORE_SCHEMA_BYTES), else the fewest hash shards of at most
 * `budget` schemas and SCHEMA_STACK_BYTES each. `bytesOf`: what an event type's schema takes in a template.
 */
export function planSchemaStacks(project: string, eventTypes: readonly EventType[], coreResources: number, budget: number, bytesOf: (e: EventType) => number = () => 0): SchemaStackPlan[] {
  const bytes = new Map(eventTypes.map((e) => [e, bytesOf(e)]));
  const sum = (list: readonly EventType[]): number => list.reduce((n, e) => n + bytes.get(e)!, 0);
  if (eventTypes.length === 0 || (coreResources + eventTypes.length <= budget && sum(eventTypes) <= CORE_SCHEMA_BYTES)) return [];
  for (let bits = 0; bits <= MAX_SHARD_BITS; bits++) {
    const shards = new Map<number, EventType[]>();
    for (const eventType of eventTypes) {
      const shard = bits === 0 ? 0 : parseInt(shortHash(eventType.name), 16) % 2 ** bits;
      const list = shards.get(shard);
      if (list) list.push(eventType);
      else shards.set(shard, [eventType]);
    }
    if ([...shards.values()].every((s) => s.length <= budget && sum(s) <= SCHEMA_STACK_BYTES)) {
      return [...shards.keys()]
        .sort((a, b) => a - b)
        .map((shard) => ({ stackName: boundedName(shard === 0 ? `${project}-schemas` : `${project}-schemas-${shard + 1}`, NAME_RULES.stack), shard, eventTypes: shards.get(shard)! }));
    }
  }
  // Only event types whose 32-bit name hashes are equal could share a shard past the budget.
  throw new Error(`the schemas of ${eventTypes.length} event types cannot be split into stacks of ${budget}`);
}

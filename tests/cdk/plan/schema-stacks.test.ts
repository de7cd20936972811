// The schema registry's schemas: in the core stack while they fit, else in hash-sharded schema stacks
// that depend on the core stack and on each other in order, so that every move deploys in order.
import { describe, expect, it } from 'vitest';
import { planSchemaStacks, SCHEMA_STACK_BYTES } from '../../../compiler/cdk/plan/schema-stacks';
import { tooManyResources } from '../../../compiler/cdk/synthesize';
import { SynthError } from '../../../compiler/cdk/errors';
import { ModelBuilder } from '../support/models';
import { buildTestSystem } from '../support/system';
import type { EventType } from '../../../compiler/model/types';
import type { Stack } from 'aws-cdk-lib';

function withEventTypes(count: number): ModelBuilder {
  const b = new ModelBuilder('big-shop');
  for (let i = 0; i < count; i++) b.eventType(`Thing${String(i).padStart(4, '0')}Happened`);
  return b;
}
const eventTypes = (count: number): EventType[] => withEventTypes(count).build().eventTypes;
const placement = (plans: ReturnType<typeof planSchemaStacks>): Record<string, string> => Object.fromEntries(plans.flatMap((p) => p.eventTypes.map((e) => [e.name, p.stackName])));

describe('planSchemaStacks', () => {
  it('keeps the schemas in the core stack while they fit beside its other resources', () => {
    expect(planSchemaStacks('shop', eventTypes(40), 10, 50)).toEqual([]);
    expect(planSchemaStacks('shop', [], 10, 50)).toEqual([]);
    const [only, ...more] = planSchemaStacks('shop', eventTypes(41), 10, 50);
    expect(more).toEqual([]);
    expect([only!.stackName, only!.eventTypes.length]).toEqual(['shop-schemas', 41]);
  });

  it('splits them by name hash into the fewest shards of at most the budget each', () => {
    const plans = planSchemaStacks('shop', eventTypes(1000), 30, 450);
    expect(plans.length).toBeGreaterThan(2);
    expect(plans.every((p) => p.eventTypes.length <= 450)).toBe(true);
    expect(plans.reduce((n, p) => n + p.eventTypes.length, 0)).toBe(1000);
    expect(new Set(plans.map((p) => p.stackName)).size).toBe(plans.length);
    expect(plans.map((p) => p.stackName)).toEqual(plans.map((p) => (p.shard === 0 ? 'shop-schemas' : `shop-schemas-${p.shard + 1}`)));
  });

  it('also keeps each stack within its share of the 1 MB template: big schemas get more stacks', () => {
    const few = eventTypes(12);
    expect(planSchemaStacks('shop', few, 10, 450, () => 30_000)).toEqual([]); // 360 KB beside the rest of the core stack
    const plans = planSchemaStacks('shop', few, 10, 450, () => 120_000);
    expect(plans.length).toBeGreaterThan(1);
    for (const p of plans) expect(p.eventTypes.length * 120_000).toBeLessThanOrEqual(SCHEMA_STACK_BYTES);
    expect(plans.reduce((n, p) => n + p.eventTypes.length, 0)).toBe(12);
  });

  it('moves no schema when one is added, unless the shards have to double; then only to a higher shard', () => {
    const before = planSchemaStacks('shop', eventTypes(1000), 30, 450);
    const after = planSchemaStacks('shop', eventTypes(1001), 30, 450);
    const grown = after.length > before.length;
    const was = placement(before);
    const now = placement(after);
    const shardOf = (plans: ReturnType<typeof planSchemaStacks>, name: string) => plans.find((p) => p.eventTypes.some((e) => e.name === name))!.shard;
    for (const name of Object.keys(was)) {
      if (!grown) expect(now[name]).toBe(was[name]);
      else expect(shardOf(after, name)).toBeGreaterThanOrEqual(shardOf(before, name));
    }
  });
});

describe('schema stacks in the system', () => {
  it('puts every schema in exactly one stack, after the core stack and in order', () => {
    const system = buildTestSystem(withEventTypes(700).build());
    expect(system.schemaStacks.length).toBeGreaterThan(1);
    const core = system.template(system.plan.coreStackName);
    expect(Object.keys(core.findResources('AWS::EventSchemas::Registry'))).toHaveLength(1);
    expect(Object.keys(core.findResources('AWS::EventSchemas::Schema'))).toHaveLength(0);
    const names: string[] = [];
    system.schemaStacks.forEach((stack, i) => {
      const schemas = Object.values(system.template(stack.stackName).findResources('AWS::EventSchemas::Schema')) as { Properties: { SchemaName: string; RegistryName: string } }[];
      expect(schemas.length).toBeLessThanOrEqual(450);
      for (const s of schemas) expect(s.Properties.RegistryName).toBe(system.ctx.names.registryName());
      names.push(...schemas.map((s) => s.Properties.SchemaName));
      expect(stack.dependencies[0]!.stackName).toBe(system.plan.coreStackName);
      expect(stack.dependencies.length).toBe(i === 0 ? 1 : 2);
    });
    expect(names.sort()).toEqual(system.ctx.model.eventTypes.map((e) => system.ctx.names.schemaName(e)).sort());
  });

  it('deploys a schema moving to another stack (the shards doubled) after the stack it leaves', () => {
    const stackOf = (system: ReturnType<typeof buildTestSystem>): Map<string, Stack> => {
      const found = new Map<string, Stack>();
      for (const stack of system.schemaStacks) {
        for (const s of Object.values(system.template(stack.stackName).findResources('AWS::EventSchemas::Schema')) as { Properties: { SchemaName: string } }[]) found.set(s.Properties.SchemaName, stack);
      }
      return found;
    };
    const after = (stack: Stack, other: string): boolean => stack.dependencies.some((d) => d.stackName === other || after(d, other));
    const small = buildTestSystem(withEventTypes(300).build(), { stackBudget: 100 });
    const big = buildTestSystem(withEventTypes(700).build(), { stackBudget: 100 });
    expect(big.schemaStacks.length).toBeGreaterThan(small.schemaStacks.length);
    const [was, now] = [stackOf(small), stackOf(big)];
    let moved = 0;
    for (const [schema, stack] of was) {
      const target = now.get(schema)!;
      if (target.stackName === stack.stackName) continue;
      moved++;
      expect(after(target, stack.stackName), `${schema}: ${stack.stackName} -> ${target.stackName}`).toBe(true);
    }
    expect(moved).toBeGreaterThan(0);
    // A tree, not a chain: a schema stack waits for at most one stack per doubling of the shards.
    const depth = (stack: Stack): number => 1 + Math.max(0, ...stack.dependencies.filter((d) => big.schemaStacks.includes(d)).map(depth));
    const count = big.schemaStacks.length;
    expect(count).toBeGreaterThanOrEqual(8);
    expect(Math.max(...big.schemaStacks.map(depth))).toBeLessThanOrEqual(Math.ceil(Math.log2(count)) + 1);
  });

  it('keeps a small project as it was: schemas beside the registry in the core stack', () => {
    const system = buildTestSystem(withEventTypes(3).build());
    expect(system.schemaStacks).toEqual([]);
    expect(Object.keys(system.template(system.plan.coreStackName).findResources('AWS::EventSchemas::Schema'))).toHaveLength(3);
  });
});

describe('tooManyResources', () => {
  it("turns aws-cdk-lib's refusal of a stack over 500 resources into a SynthError, and nothing else", () => {
    const err = tooManyResources(new Error("Number of resources in stack 'shop-core': 612 is greater than allowed maximum of 500: AWS::SQS::Queue (400), AWS::SNS::Topic (212)"));
    expect(err).toBeInstanceOf(SynthError);
    expect(err!.message).toContain('stack shop-core would have 612 CloudFormation resources: AWS::SQS::Queue (400), AWS::SNS::Topic (212)');
    expect(err!.message).toContain('at most 500 resources per stack');
    expect(tooManyResources(new Error('something else'))).toBeUndefined();
  });
});

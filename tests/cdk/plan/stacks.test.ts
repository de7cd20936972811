// Stack splitting: deterministic, within CloudFormation's limits, and stable when routes are added.
import { describe, expect, it } from 'vitest';
import { STACK_OVERHEAD, unitCost } from '../../../compiler/cdk/plan/estimate';
import { CFN_MAX_RESOURCES, planSystem } from '../../../compiler/cdk/plan/stacks';
import { placementUnits } from '../../../compiler/cdk/plan/units';
import { SynthError } from '../../../compiler/cdk/errors';
import { largeModel, routeName } from '../support/large-model';
import { ModelBuilder } from '../support/models';
import { buildTestSystem, exampleModel } from '../support/system';

const homes = (plan: ReturnType<typeof planSystem>): Record<string, string> => Object.fromEntries([...plan.homeOfRoute].map(([route, stack]) => [route, stack.stackName]));

describe('stack plan', () => {
  it('puts each route file in its own stack, next to the core stack', () => {
    const plan = planSystem(exampleModel());
    expect(plan.coreStackName).toBe('acme-shop-core');
    expect(plan.stacks.map((s) => s.stackName)).toEqual([...new Set(exampleModel().routes.map((r) => `acme-shop-${r.file.replace(/^routes\/|\.yaml$/g, '')}`))].sort());
  });

  it('splits a domain that does not fit into 2^k shards, each within the budget', () => {
    const plan = planSystem(largeModel(300));
    expect(plan.stacks.length).toBeGreaterThan(1);
    const shards = Math.max(...plan.stacks.map((s) => s.shard)) + 1;
    expect(Number.isInteger(Math.log2(shards))).toBe(true);
    for (const s of plan.stacks) expect(s.cost).toBeLessThanOrEqual(450);
    expect(plan.stacks.map((s) => s.stackName)).toContain('test-shop-domain-0');
  });

  // Found by the random-projects test with a small budget: the planner gave up after a few bits and
  // threw a plain Error (an internal error) while more bits would have separated the units.
  it('gives each unit a stack of its own when no two fit together', () => {
    const model = largeModel(40, 1);
    const costs = placementUnits(model).map((u) => unitCost(u, model.defaults));
    // Each stack also holds its dashboard (STACK_OVERHEAD).
    const budget = Math.max(...costs) + STACK_OVERHEAD;
    expect(2 * Math.min(...costs) + STACK_OVERHEAD).toBeGreaterThan(budget);
    const plan = planSystem(model, budget);
    expect(plan.stacks.length).toBe(costs.length);
    for (const s of plan.stacks) expect(s.cost).toBeLessThanOrEqual(budget);
    expect(new Set(plan.stacks.map((s) => s.stackName)).size).toBe(plan.stacks.length);
  });

  it('is deterministic and independent of the order of the model lists', () => {
    const model = largeModel(120, 3);
    const shuffled = { ...model, routes: [...model.routes].reverse(), functions: [...model.functions].reverse(), queues: [...model.queues].reverse() };
    expect(homes(planSystem(shuffled))).toEqual(homes(planSystem(model)));
  });

  it('keeps every existing route in its stack when a route is added', () => {
    const before = homes(planSystem(largeModel(300)));
    const after = homes(planSystem(largeModel(301)));
    for (const [route, stack] of Object.entries(before)) expect(after[route]).toBe(stack);
  });

  it('does not move routes of other files when one file grows', () => {
    const before = planSystem(largeModel(90, 3));
    const after = planSystem(largeModel(93, 3)); // three more routes, one in each file
    for (const route of largeModel(90, 3).routes) expect(after.homeOfRoute.get(route.name)!.stackName).toBe(before.homeOfRoute.get(route.name)!.stackName);
  });

  it('refuses a route file whose stack name clashes with the core stack', () => {
    const model = new ModelBuilder().route('r', { file: 'routes/core.yaml', targets: [{ kind: 'sns', topic: 'ops' }] }).build();
    expect(() => planSystem(model)).toThrow(SynthError);
  });

  it('refuses a unit bigger than a stack', () => {
    const b = new ModelBuilder();
    for (let i = 0; i < 60; i++) b.route(routeName(i), { targets: [{ kind: 'lambda', function: 'one/shared' }] });
    expect(() => planSystem(b.build(), 100)).toThrow(/60 routes that share function one\/shared must be deployed in one stack and need about \d+ CloudFormation resources together/);
  });

  it('names a shared API destination as what ties routes together', () => {
    const b = new ModelBuilder().apiDestination('webhook');
    for (let i = 0; i < 80; i++) b.route(routeName(i), { targets: [{ kind: 'apiDestination', destination: 'webhook' }] });
    expect(() => planSystem(b.build(), 100)).toThrow(/share API destination webhook[\s\S]*declare one API destination/);
  });
});

describe('stack splitting, synthesized', () => {
  const model = largeModel(300, 2);
  const system = buildTestSystem(model);

  it('never undercounts: each stack has at most its estimate, and at most 500 resources', () => {
    for (const p of system.plan.stacks) {
      const actual = Object.keys(system.template(p.stackName).toJSON().Resources).length;
      expect(actual).toBeLessThanOrEqual(p.cost);
      expect(actual).toBeLessThanOrEqual(CFN_MAX_RESOURCES);
    }
  });

  it('estimates each unit of the example system exactly or above', () => {
    const example = buildTestSystem(exampleModel());
    for (const p of example.plan.stacks) {
      const actual = Object.keys(example.template(p.stackName).toJSON().Resources).length;
      expect(STACK_OVERHEAD + p.units.reduce((n, u) => n + unitCost(u, exampleModel().defaults), 0)).toBeGreaterThanOrEqual(actual);
    }
  });

  it('keeps the logical ids of existing resources when routes are added', () => {
    const grown = buildTestSystem(largeModel(302, 2));
    for (const p of system.plan.stacks) {
      const before = Object.keys(system.template(p.stackName).toJSON().Resources);
      const after = new Set(Object.keys(grown.template(p.stackName).toJSON().Resources));
      for (const id of before) expect(after.has(id), `${p.stackName}/${id}`).toBe(true);
    }
  });

  it('has no cross-stack reference: no exports, no imports', () => {
    for (const s of system.stacks) {
      const json = JSON.stringify(system.template(s.stackName).toJSON());
      expect(json).not.toContain('Fn::ImportValue');
      expect(system.template(s.stackName).toJSON().Outputs ?? {}).toEqual({});
    }
  });

  it('deploys route stacks after the core stack', () => {
    for (const s of system.routeStacks) expect(s.dependencies.map((d) => d.stackName)).toEqual([system.core.stackName]);
  });
});

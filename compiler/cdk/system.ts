// The whole system from the model: the stack plan, then the core stack, the schema stacks (when the
// schemas do not fit in the core stack), then every route stack (each deployed after the core stack).
import type { App, Stack } from 'aws-cdk-lib';
import type { RouteModel } from '../model/types';
import type { SystemContext } from './context';
import { buildCoreStack } from './core/core-stack';
import { buildSchemas } from './core/schemas';
import { Alarms } from './monitoring/alarms';
import { checkNameClashes } from './naming/name-clashes';
import { SystemNames } from './naming/system-names';
import type { SystemOptions } from './options';
import { planSystem, type SystemPlan } from './plan/stacks';
import { buildRouteStack } from './units/route-stack';

export interface BuiltSystem {
  ctx: SystemContext;
  plan: SystemPlan;
  core: Stack;
  /** Stacks of the schema registry's schemas when they do not fit in the core stack (else none). */
  schemaStacks: Stack[];
  routeStacks: Stack[];
}

export function buildSystem(app: App, model: RouteModel, options: SystemOptions): BuiltSystem {
  const plan = planSystem(model, options.stackBudget);
  const names = new SystemNames(model, plan);
  const alarmTopic = model.defaults.alarms.topic;
  const alarms = new Alarms(model.defaults.alarms, alarmTopic ? names.topicArn(alarmTopic).token : null);
  const ctx: SystemContext = { model, plan, names, alarms, options };
  const { stack: core, registry } = buildCoreStack(app, ctx);
  const schemaStacks = buildSchemas(app, core, registry, ctx);
  // Before the route stacks are made: one named like a schema stack could not be.
  checkNameClashes(plan, schemaStacks, names, model);
  const routeStacks = plan.stacks.map((p) => {
    const stack = buildRouteStack(app, p, ctx);
    stack.addStackDependency(core, 'route stacks reach the shared resources by name');
    return stack;
  });
  return { ctx, plan, core, schemaStacks, routeStacks };
}

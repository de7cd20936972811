// The whole system from the model: the stack plan, then the core stack, then every route stack
// (each deployed after the core stack).
import type { App, Stack } from 'aws-cdk-lib';
import type { RouteModel } from '../model/types';
import type { SystemContext } from './context';
import { buildCoreStack } from './core/core-stack';
import { Alarms } from './monitoring/alarms';
import { SystemNames } from './naming/system-names';
import type { SystemOptions } from './options';
import { planSystem, type SystemPlan } from './plan/stacks';
import { buildRouteStack } from './units/route-stack';

export interface BuiltSystem {
  ctx: SystemContext;
  plan: SystemPlan;
  core: Stack;
  routeStacks: Stack[];
}

export function buildSystem(app: App, model: RouteModel, options: SystemOptions): BuiltSystem {
  const plan = planSystem(model, options.stackBudget);
  const names = new SystemNames(model, plan);
  const alarmTopic = model.defaults.alarms.topic;
  const alarms = new Alarms(model.defaults.alarms, alarmTopic ? names.topicArn(alarmTopic).token : null);
  const ctx: SystemContext = { model, plan, names, alarms, options };
  const core = buildCoreStack(app, ctx);
  const routeStacks = plan.stacks.map((p) => {
    const stack = buildRouteStack(app, p, ctx);
    stack.addStackDependency(core, 'route stacks reach the shared resources by name');
    return stack;
  });
  return { ctx, plan, core, routeStacks };
}

// The whole system from the model: the stack plan, then the core stack, the schema stacks (when the
// schemas do not fit in the core stack), then every route stack (each deployed after the core stack).
import type { App, Stack } from 'aws-cdk-lib';
import type { RouteModel } from '../model/types';
import type { SystemContext } from './context';
import { buildCoreStack } from './core/core-stack';
import { buildSchemas } from './core/schemas';
import { SynthError } from './errors';
import { Alarms } from './monitoring/alarms';
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
  const taken = new Set([core.stackName, ...schemaStacks.map((s) => s.stackName)]);
  const clash = plan.stacks.find((p) => taken.has(p.stackName));
  if (clash) {
    throw new SynthError({
      what: 'two stacks would get the same name',
      value: clash.stackName,
      allowed: 'route stacks are named <project>-<route file>[-<shard>]; <project>-schemas[-<n>] hold the schemas of a project with many event types',
      fix: `rename the route file ${clash.units[0]?.routes[0]?.file ?? clash.domain}`,
    });
  }
  const routeStacks = plan.stacks.map((p) => {
    const stack = buildRouteStack(app, p, ctx);
    stack.addStackDependency(core, 'route stacks reach the shared resources by name');
    return stack;
  });
  const overviews = new Map(model.buses.map((b) => [names.dashboardName(b.name), b.name]));
  const sharing = plan.stacks.find((p) => overviews.has(names.routeDashboardName(p.stackName)));
  if (sharing) {
    throw new SynthError({
      what: 'two dashboards would get the same name',
      value: names.routeDashboardName(sharing.stackName),
      allowed: `the overview of bus ${overviews.get(names.routeDashboardName(sharing.stackName))} and the dashboard of stack ${sharing.stackName} are named <project>-<bus> and <stack>_routes`,
      fix: 'rename the bus',
    });
  }
  return { ctx, plan, core, schemaStacks, routeStacks };
}

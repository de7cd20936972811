// A route stack: the placement units the plan gave it. Its dead-letter queues and API destinations
// come first, then its functions, then its routes, then the dashboard of its routes; construct ids come from model ids only (grouped by
// kind, not by unit), so a resource keeps its logical id whatever else is added to the stack.
import { Stack, type App } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import type { SystemContext } from '../context';
import { buildRouteStackDashboard } from '../monitoring/dashboards';
import { buildDeadLetterQueue } from '../failure/failure-handling';
import type { RouteStackPlan } from '../plan/stacks';
import { buildApiDestination } from '../resources/api-destination';
import { buildModelFunction } from './functions';
import { buildRoute } from './routes';
import { StackResources } from './stack-resources';

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

export function buildRouteStack(app: App, plan: RouteStackPlan, ctx: SystemContext): Stack {
  const stack = new Stack(app, plan.stackName, {
    stackName: plan.stackName,
    description: `eventroutes: routes of ${ctx.model.project} from ${plan.domain}${plan.shard > 0 ? ` (part ${plan.shard + 1})` : ''} (generated from routes/; do not edit)`,
  });
  const local = new StackResources(ctx);
  const queues = plan.units.flatMap((u) => u.queues).sort(byName);
  const destinations = plan.units.flatMap((u) => u.apiDestinations).sort(byName);
  const functions = plan.units.flatMap((u) => u.functions).sort(byName);
  const routes = plan.units.flatMap((u) => u.routes).sort(byName);

  if (queues.length > 0) {
    const scope = new Construct(stack, 'DeadLetterQueues');
    for (const q of queues) local.queues.set(q.name, buildDeadLetterQueue(scope, q, ctx));
  }
  if (destinations.length > 0) {
    const scope = new Construct(stack, 'ApiDestinations');
    for (const d of destinations) local.apiDestinations.set(d.name, buildApiDestination(scope, d));
  }
  if (functions.length > 0) {
    const scope = new Construct(stack, 'Functions');
    for (const fn of functions) buildModelFunction(scope, fn, ctx, local);
  }
  const scope = new Construct(stack, 'Routes');
  for (const route of routes) buildRoute(scope, route, ctx, local);
  buildRouteStackDashboard(stack, `Routes of ${plan.domain}${plan.shard > 0 ? ` (part ${plan.shard + 1})` : ''}`, routes, ctx);
  return stack;
}

// Names that only the built system shows to clash: schema stacks (whose number depends on what the core
// stack holds) against route stacks, and route-stack dashboards against bus overviews. Route stacks
// against each other and the core stack are checked by the plan (plan/stacks.ts).
import type { Stack } from 'aws-cdk-lib';
import type { RouteModel } from '../../model/types';
import { SynthError } from '../errors';
import type { SystemPlan } from '../plan/stacks';
import type { SystemNames } from './system-names';

export function checkNameClashes(plan: SystemPlan, schemaStacks: readonly Stack[], names: SystemNames, model: RouteModel): void {
  const taken = new Set([plan.coreStackName, ...schemaStacks.map((s) => s.stackName)]);
  const clash = plan.stacks.find((p) => taken.has(p.stackName));
  if (clash) {
    throw new SynthError({
      what: 'two stacks would get the same name',
      value: clash.stackName,
      allowed: 'route stacks are named <project>-<route file>[-<shard>]; <project>-schemas[-<n>] hold the schemas of a project with many event types',
      fix: `rename the route file ${clash.units[0]?.routes[0]?.file ?? clash.domain}`,
    });
  }
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
}
